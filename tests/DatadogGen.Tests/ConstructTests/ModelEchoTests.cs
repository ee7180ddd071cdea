using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>
/// Every schema construct in one document (ModelsDocument), built in C#, sent to a server that echoes it, and
/// read back: what goes over the wire is the spec's JSON, and what comes back is what was sent.
/// </summary>
public class ModelEchoTests
{
    private const string ExpectedJson = """
        {
          "any": 1.5,
          "class": "blue",
          "counters": { "a": 1, "big": 9007199254740993 },
          "day": "2024-02-29",
          "event": "deploy",
          "extra": { "nested": { "list": [1, null, "x"] } },
          "id": "9f3a6c1e-0b2d-4e5f-8a7b-1c2d3e4f5a6b",
          "kind": 2,
          "large": 9223372036854775807,
          "legacy_field": "old",
          "matrix": [[1.5, 2], [], [-0.00003]],
          "measurement": { "unit": { "name": "meter", "symbol": "m" }, "value": 1.5 },
          "named": { "created_at": "2024-01-02T03:04:05+00:00", "id": "n-1", "label": "L" },
          "note": null,
          "ratio": 0.1,
          "server_id": "srv-1",
          "shape": { "side": 2, "type": "square" },
          "tagging": ["a", "b"],
          "timestamp": "2024-01-02T03:04:05.1234567+00:00",
          "tree": { "children": [ { "children": [ { "name": "a1" } ], "name": "a" }, { "name": "b" } ], "name": "root" },
          "x-ray.\u00e9tat/\u00fcn\u00efcode": "punctuated",
          "unknown_extra": { "kept": true }
        }
        """;

    [Fact]
    public async Task EveryConstructGoesOverTheWireAsTheSpecSaysAndComesBackTheSame()
    {
        await using var server = await StartEchoAsync();
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var echoed = await new ModelsApi(apiClient).EchoModelsAsync(BuildDocument());

        var request = server.SingleRequest;
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        JsonAssert.Equivalent(ExpectedJson, BodyText(request));
        AssertDocument(echoed);
        JsonAssert.Equivalent(ExpectedJson, Write(echoed));
    }

    [Fact]
    public void PropertyNotSetIsNotWrittenAndNullSetIsWrittenAsNull()
    {
        var document = new ModelsDocument { Note = null, Class = "c" };

        Assert.Equal("""{"class":"c","note":null}""", Write(document));
    }

    private static ModelsDocument BuildDocument()
    {
        var document = new ModelsDocument
        {
            Any = 1.5,
            Class = "blue",
            Counters = new() { ["a"] = 1, ["big"] = 9007199254740993 },
            Day = new DateOnly(2024, 2, 29),
            Event = "deploy",
            Extra = new() { ["nested"] = Json("""{"list":[1,null,"x"]}""") },
            Id = Guid.Parse("9F3A6C1E-0B2D-4E5F-8A7B-1C2D3E4F5A6B"),
            Kind = MetricKind.Rate,
            Large = long.MaxValue,
            Matrix = [[1.5, 2], [], [-0.00003]],
            Measurement = new Measurement { Unit = new Unit { Name = "meter", Symbol = "m" }, Value = 1.5 },
            Named = new NamedWidget { Id = "n-1", Label = "L", CreatedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) },
            Note = null,
            Ratio = 0.1,
            ServerId = "srv-1",
            Shape = new Square { Type = SquareType.Square, Side = 2 },
            Tagging = new List<string> { "a", "b" },
            Timestamp = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567),
            Tree = new TreeNode
            {
                Name = "root",
                Children = [new TreeNode { Name = "a", Children = [new TreeNode { Name = "a1" }] }, new TreeNode { Name = "b" }],
            },
            XRayÉtatÜnïcode = "punctuated",
        };
#pragma warning disable CS0618 // legacy_field is deprecated in the spec, and still sent when set
        document.LegacyField = "old";
#pragma warning restore CS0618
        document.AdditionalProperties["unknown_extra"] = Json("""{"kept":true}""");
        return document;
    }

    private static void AssertDocument(ModelsDocument document)
    {
        Assert.Equal(1.5, document.Any!.Double);
        Assert.Equal("blue", document.Class);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["big"] = 9007199254740993 }, document.Counters);
        Assert.Equal(new DateOnly(2024, 2, 29), document.Day);
        Assert.Equal("deploy", document.Event);
        Assert.Equal("""{"list":[1,null,"x"]}""", document.Extra!["nested"].GetRawText());
        Assert.Equal(Guid.Parse("9f3a6c1e-0b2d-4e5f-8a7b-1c2d3e4f5a6b"), document.Id);
        Assert.Equal(MetricKind.Rate, document.Kind);
        Assert.Equal(long.MaxValue, document.Large);
#pragma warning disable CS0618
        Assert.Equal("old", document.LegacyField);
#pragma warning restore CS0618
        Assert.Equal([[1.5, 2], [], [-0.00003]], document.Matrix);
        Assert.Equal("m", document.Measurement!.Unit!.Symbol);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), document.Named!.CreatedAt);
        Assert.Equal("n-1", document.Named.Id);
        Assert.Equal("L", document.Named!.Label);
        Assert.Null(document.Note);
        Assert.Equal(0.1, document.Ratio);
        Assert.Equal("srv-1", document.ServerId);
        Assert.Equal(2, document.Shape!.Square!.Side);
        Assert.Equal(["a", "b"], document.Tagging!.ListOfString!);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), document.Timestamp);
        Assert.Equal("a1", document.Tree!.Children![0].Children![0].Name);
        Assert.Equal("punctuated", document.XRayÉtatÜnïcode);
        Assert.True(document.AdditionalProperties["unknown_extra"].GetProperty("kept").GetBoolean());
        Assert.Single(document.AdditionalProperties);
    }

    private static JsonElement Json(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return parsed.RootElement.Clone();
    }
}
