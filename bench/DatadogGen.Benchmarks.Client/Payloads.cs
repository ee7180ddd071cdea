using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using SharpYaml.Serialization;
using Gen = DatadogGen.Benchmarks.Client.Datadog;
using Poco = DatadogGen.Benchmarks.Client.Pocos;

namespace DatadogGen.Benchmarks.Client;

/// <summary>The bodies the benchmarks use: the reference page's examples and one recorded ListIncidents response.</summary>
internal static class Payloads
{
    /// <summary>The 201 body shown on the Create postmortem attachment reference page (tests/DatadogGen.Tests/ReferenceExamples.cs, linked).</summary>
    public const string CreatedResponse = DatadogGen.Tests.ReferenceExamples.CreatedResponse;

    /// <summary>The request body shown on the reference page.</summary>
    public const string Request = DatadogGen.Tests.ReferenceExamples.Request;

    public const string IncidentId = "00000000-0000-0000-0000-000000000000";

    /// <summary>The 201 body, minified (629 bytes): what the deserializers read and the loopback server sends.</summary>
    public static readonly byte[] CreatedResponseUtf8 = Minify(CreatedResponse);

    /// <summary>The reference request, minified (335 bytes): what every serializer must produce.</summary>
    public static readonly byte[] RequestUtf8 = Minify(Request);

    public static byte[] Minify(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The request of the README's usage example, as generated models.</summary>
    public static Gen.PostmortemAttachmentRequest GeneratedRequest() => new()
    {
        Data = new Gen.PostmortemAttachmentRequestData
        {
            Attributes = new Gen.PostmortemAttachmentRequestAttributes
            {
                Cells =
                [
                    new Gen.PostmortemCell
                    {
                        Attributes = new Gen.PostmortemCellAttributes
                        {
                            Definition = new Gen.PostmortemCellDefinition { Content = "## Incident Summary\nThis incident was caused by..." },
                        },
                        Id = "cell-1",
                        Type = Gen.PostmortemCellType.Markdown,
                    },
                ],
                Content = "# Incident Report - IR-123\n[...]",
                PostmortemTemplateId = "93645509-874e-45c4-adfa-623bfeaead89-123",
                Title = "Postmortem-IR-123",
            },
            Type = Gen.IncidentAttachmentType.IncidentAttachments,
        },
    };

    /// <summary>The same request as hand-written classes.</summary>
    public static Poco.PostmortemAttachmentRequest PocoRequest() => new()
    {
        Data = new Poco.PostmortemAttachmentRequestData
        {
            Attributes = new Poco.PostmortemAttachmentRequestAttributes
            {
                Cells =
                [
                    new Poco.PostmortemCell
                    {
                        Attributes = new Poco.PostmortemCellAttributes
                        {
                            Definition = new Poco.PostmortemCellDefinition { Content = "## Incident Summary\nThis incident was caused by..." },
                        },
                        Id = "cell-1",
                        Type = "markdown",
                    },
                ],
                Content = "# Incident Report - IR-123\n[...]",
                PostmortemTemplateId = "93645509-874e-45c4-adfa-623bfeaead89-123",
                Title = "Postmortem-IR-123",
            },
            Type = "incident_attachments",
        },
    };

    /// <summary>The folder the build found ../shared/datadog in (baked in by the project file).</summary>
    public static string SharedDir =>
        typeof(Payloads).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DatadogSharedDir")?.Value
        ?? throw new InvalidOperationException("DatadogSharedDir metadata missing");

    public const string LargeCassette = "test_get_a_list_of_incidents_returns_ok_response";

    /// <summary>
    /// The recorded 200 body of GET /api/v2/incidents (ListIncidents) from the cassette, read in place at run time.
    /// </summary>
    public static byte[] LargeResponseUtf8()
    {
        string path = Path.Combine(SharedDir, "cassettes", "incidents", LargeCassette + ".yaml");
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        foreach (YamlMappingNode interaction in ((YamlSequenceNode)root.Children[new YamlScalarNode("interactions")]).Children.Cast<YamlMappingNode>())
        {
            var request = (YamlMappingNode)interaction.Children[new YamlScalarNode("request")];
            var method = ((YamlScalarNode)request.Children[new YamlScalarNode("method")]).Value;
            var uri = new Uri(((YamlScalarNode)request.Children[new YamlScalarNode("uri")]).Value!);
            if (method == "GET" && uri.AbsolutePath == "/api/v2/incidents")
            {
                var response = (YamlMappingNode)interaction.Children[new YamlScalarNode("response")];
                var body = (YamlMappingNode)response.Children[new YamlScalarNode("body")];
                string text = ((YamlScalarNode)body.Children[new YamlScalarNode("string")]).Value!;
                using var _ = JsonDocument.Parse(text); // fail early on a bad read
                return Encoding.UTF8.GetBytes(text);
            }
        }

        throw new InvalidDataException($"No GET /api/v2/incidents interaction in {path}");
    }
}
