using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using DatadogGen.Testing;
using SharpYaml;
using SharpYaml.Serialization;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// One vcrpy recording from ../shared/datadog/cassettes/ (format in shared/datadog/README.md): the requests
/// Datadog's own client test suite sent to api.datadoghq.com, and what came back.
/// </summary>
internal sealed record Cassette(string Name, IReadOnlyList<Interaction> Interactions)
{
    public static string Folder => SharedData.PathOf("cassettes", "incidents");

    /// <summary>The cassette names (file names without .yaml), sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateFiles(Folder, "*.yaml").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>One theory row per cassette, named in full in test results.</summary>
    public static IEnumerable<object[]> TheoryData()
    {
        if (!Directory.Exists(Folder))
        {
            // Only reached when the tests must run (DATADOGGEN_REQUIRE_SHARED) although the data is missing:
            // one row that fails naming the folder, rather than xunit's opaque "no data found".
            return [[new RecordingName("(missing " + Folder + ")")]];
        }

        return Names().Select(name => new object[] { new RecordingName(name) });
    }

    public static Cassette Load(string name)
    {
        var path = Path.Combine(Folder, name + ".yaml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No cassette {path}", path);
        }

        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var interactions = ((YamlSequenceNode)root.Children[new YamlScalarNode("interactions")]).Children
            .Cast<YamlMappingNode>()
            .Select((node, index) => ReadInteraction(name, index, node))
            .ToList();
        return new Cassette(name, interactions);
    }

    private static Interaction ReadInteraction(string cassette, int index, YamlMappingNode node)
    {
        var request = (YamlMappingNode)Child(node, "request")!;
        var response = (YamlMappingNode)Child(node, "response")!;
        var status = (YamlMappingNode)Child(response, "status")!;
        var responseBody = Child(response, "body") as YamlMappingNode;
        var contentType = (Child(response, "headers") as YamlMappingNode) is { } headers
            && Child(headers, "content-type") is YamlSequenceNode types
            ? Text(types.Children.FirstOrDefault())
            : null;
        return new Interaction(
            cassette,
            index,
            Text(Child(request, "method"))!.ToUpperInvariant(),
            new Uri(Text(Child(request, "uri"))!),
            Text(Child(request, "body")),
            int.Parse(Text(Child(status, "code"))!, System.Globalization.CultureInfo.InvariantCulture),
            contentType,
            responseBody is null ? "" : Text(Child(responseBody, "string")) ?? "");
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>A scalar's text; null for YAML null (a plain <c>null</c>, <c>~</c> or nothing).</summary>
    private static string? Text(YamlNode? node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "null" or "~" } => null,
        YamlScalarNode scalar => scalar.Value,
        null => null,
        _ => throw new InvalidDataException($"Expected a scalar at {node.Start}, found {node.GetType().Name}"),
    };
}

/// <summary>One recorded request and its response.</summary>
internal sealed record Interaction(
    string Cassette,
    int Index,
    string Method,
    Uri Uri,
    string? RequestBody,
    int Status,
    string? ContentType,
    string ResponseBody) : IRecordedExchange
{
    public string Path => Uri.AbsolutePath;

    public bool HasRequestBody => !string.IsNullOrWhiteSpace(RequestBody);

    public bool HasJsonResponseBody =>
        !string.IsNullOrWhiteSpace(ResponseBody) && ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The query as decoded (name, value) pairs in their recorded order.</summary>
    public IReadOnlyList<(string Name, string Value)> Query => RecordedUri.ParseQuery(Uri.Query);

    public override string ToString() => $"#{Index} {Method} {Uri.PathAndQuery} -> {Status}";
}

/// <summary>URI comparison with percent-encoding differences normalized.</summary>
internal static class RecordedUri
{
    public static IReadOnlyList<(string Name, string Value)> ParseQuery(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (WebUtility.UrlDecode(parts[0]), parts.Length > 1 ? WebUtility.UrlDecode(parts[1]) : ""))
            .ToList();

    /// <summary>Path segments decoded; query pairs decoded and ordered by name (order kept within one name).</summary>
    public static string Normalize(string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?');
        var path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        var query = question < 0 ? "" : pathAndQuery[question..];
        // Decoded, but a decoded '/' (or '%') is re-escaped so it cannot pass for a segment boundary.
        var segments = path.Split('/').Select(s => Uri.UnescapeDataString(s).Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal));
        var pairs = ParseQuery(query).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}");
        return string.Join("/", segments) + (query.Length > 1 ? "?" + string.Join("&", pairs) : "");
    }
}
