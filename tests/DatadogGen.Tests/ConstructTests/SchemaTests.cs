using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>
/// allOf, nullable, maps, nested arrays, integer enums, formats, deprecated and readOnly members, recursion and
/// awkward names, read and written with the generated converters (DatadogJson.Options, no reflection).
/// </summary>
public class SchemaTests
{
    [Fact]
    public void AllOfMergesThePropertiesAndRequiredListsOfEveryPart()
    {
        const string json = """{"id":"n-1","label":"L","created_at":"2024-01-02T03:04:05Z"}""";

        var named = Read<NamedWidget>(json);

        Assert.Equal("n-1", named.Id);
        Assert.Equal("L", named.Label);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), named.CreatedAt);
        Assert.Empty(named.AdditionalProperties);
        JsonAssert.Equivalent(json, Write(named));
        Assert.NotNull(typeof(NamedWidget).GetProperty(nameof(NamedWidget.Id))!.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>());
        Assert.NotNull(typeof(NamedWidget).GetProperty(nameof(NamedWidget.Label))!.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>());
    }

    [Theory]
    [InlineData("""{"id":"n-1","label":"L"}""", false)]
    [InlineData("""{"id":"n-1"}""", true)]
    [InlineData("""{"label":"L"}""", true)]
    public void AllOfRequiredPropertyFromEitherPartIsChecked(string json, bool isUnparsed)
    {
        var widget = Read<NamedWidget>(json);

        Assert.Equal(isUnparsed, widget.IsUnparsed);
        Assert.Equal(json, Write(widget));
    }

    [Fact]
    public void NullablePropertyTellsNullFromAbsent()
    {
        var withNull = Read<ModelsDocument>("""{"note":null}""");
        var absent = Read<ModelsDocument>("{}");
        var withValue = Read<ModelsDocument>("""{"note":"n"}""");

        Assert.Null(withNull.Note);
        Assert.Null(absent.Note);
        Assert.Equal("n", withValue.Note);
        Assert.Equal("""{"note":null}""", Write(withNull));
        Assert.Equal("{}", Write(absent));
        Assert.Equal("""{"note":"n"}""", Write(withValue));
    }

    [Fact]
    public void TypedMapReadsItsValuesAsIntegers()
    {
        var document = Read<ModelsDocument>("""{"counters":{"a":1,"b":-2,"big":9223372036854775807}}""");

        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = -2, ["big"] = long.MaxValue }, document.Counters);
        Assert.Equal("""{"counters":{"a":1,"b":-2,"big":9223372036854775807}}""", Write(document));
    }

    [Fact]
    public void TypedMapWithAValueOfAnotherTypeIsKeptRaw()
    {
        Assert.Null(ReadBent<ModelsDocument>("""{"counters":{"a":"one"}}""").Counters);
    }

    /// <summary>
    /// Reads JSON that bends the spec: it must read, say so, keep the odd value with the additional properties,
    /// and write back exactly what was read.
    /// </summary>
    private static T ReadBent<T>(string json)
        where T : IJsonModel
    {
        var model = Read<T>(json);

        Assert.True(model.IsUnparsed);
        Assert.Equal(json, Write(model));
        return model;
    }

    [Fact]
    public void OpenObjectKeepsAnyJson()
    {
        const string json = """{"extra":{"s":"x","n":1.25,"o":{"deep":[true,null]},"a":[]}}""";

        var document = Read<ModelsDocument>(json);

        Assert.Equal(4, document.Extra!.Count);
        Assert.Equal(JsonValueKind.Object, document.Extra["o"].ValueKind);
        Assert.Equal(json, Write(document));
    }

    [Fact]
    public void OpenObjectKeepsAMemberThatIsNull()
    {
        // additionalProperties: {} / type: object maps are everywhere in Datadog's spec (attributes, tags, ...).
        const string json = """{"extra":{"gone":null,"kept":1}}""";

        var document = Read<ModelsDocument>(json);

        Assert.Equal(JsonValueKind.Null, document.Extra!["gone"].ValueKind);
        Assert.Equal(json, Write(document));
    }

    [Fact]
    public void ArrayOfArraysReadsAndWritesEveryLevel()
    {
        var document = Read<ModelsDocument>("""{"matrix":[[1,2.5],[],[-1e-3,3]]}""");

        Assert.Equal([[1, 2.5], [], [-0.001, 3]], document.Matrix);
        JsonAssert.Equivalent("""{"matrix":[[1,2.5],[],[-0.001,3]]}""", Write(document));
    }

    [Fact]
    public void IntegerEnumUsesTheVarnamesAndItsWireValues()
    {
        var document = Read<ModelsDocument>("""{"kind":3}""");

        Assert.Equal(MetricKind.Gauge, document.Kind);
        Assert.True(document.Kind!.Value.IsKnown);
        Assert.Equal("3", document.Kind.Value.ToString());
        Assert.Equal(["Unspecified", "Count", "Rate", "Gauge"], new[] { MetricKind.Unspecified, MetricKind.Count, MetricKind.Rate, MetricKind.Gauge }
            .Select(value => typeof(MetricKind).GetProperties(BindingFlags.Public | BindingFlags.Static).Single(p => p.GetValue(null)!.Equals(value)).Name));
        Assert.Equal("""{"kind":0}""", Write(new ModelsDocument { Kind = MetricKind.Unspecified }));
    }

    [Fact]
    public void StringEnumMembersAreNamedByTheirVarnames()
    {
        // x-enum-varnames [NAME_ASCENDING, NAME_DESCENDING] for [name, -name], as in Datadog's *Sort enums.
        var members = typeof(ItemSort).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(p => p.Name, p => p.GetValue(null)!.ToString());

        Assert.Equal(new Dictionary<string, string?> { ["NameAscending"] = "name", ["NameDescending"] = "-name" }, members);
    }

    [Fact]
    public void UnknownIntegerEnumValueIsKeptAndWrittenBack()
    {
        var document = Read<ModelsDocument>("""{"kind":42}""");

        Assert.False(document.Kind!.Value.IsKnown);
        Assert.Equal("42", document.Kind.Value.ToString());
        Assert.NotEqual(MetricKind.Gauge, document.Kind.Value);
        Assert.Equal("""{"kind":42}""", Write(document));
    }

    [Fact]
    public void IntegerEnumGivenAStringKeepsItRaw()
    {
        var document = ReadBent<ModelsDocument>("""{"kind":"3"}""");

        Assert.Null(document.Kind);
    }

    [Fact]
    public void FormatsMapToTheirDotNetTypes()
    {
        var document = Read<ModelsDocument>(
            """{"day":"2024-02-29","id":"9F3A6C1E-0B2D-4E5F-8A7B-1C2D3E4F5A6B","large":-9223372036854775808,"ratio":1e-7}""");

        Assert.Equal(new DateOnly(2024, 2, 29), document.Day);
        Assert.Equal(Guid.Parse("9f3a6c1e-0b2d-4e5f-8a7b-1c2d3e4f5a6b"), document.Id);
        Assert.Equal(long.MinValue, document.Large);
        Assert.Equal(1e-7, document.Ratio);
        JsonAssert.Equivalent(
            """{"day":"2024-02-29","id":"9f3a6c1e-0b2d-4e5f-8a7b-1c2d3e4f5a6b","large":-9223372036854775808,"ratio":1e-7}""",
            Write(document));
        Assert.Equal(typeof(DateOnly?), typeof(ModelsDocument).GetProperty(nameof(ModelsDocument.Day))!.PropertyType);
        Assert.Equal(typeof(Guid?), typeof(ModelsDocument).GetProperty(nameof(ModelsDocument.Id))!.PropertyType);
        Assert.Equal(typeof(long?), typeof(ModelsDocument).GetProperty(nameof(ModelsDocument.Large))!.PropertyType);
        Assert.Equal(typeof(double?), typeof(ModelsDocument).GetProperty(nameof(ModelsDocument.Ratio))!.PropertyType);
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05.123456789Z", 0)]
    [InlineData("2024-01-02T03:04:05.123456789+02:00", 2)]
    [InlineData("2024-01-02T03:04:05.1Z", 0)]
    [InlineData("2024-01-02T03:04:05Z", 0)]
    public void DateTimeWithUpToNineFractionalDigitsIsReadToTheTick(string text, int offsetHours)
    {
        var document = Read<ModelsDocument>($$"""{"timestamp":"{{text}}"}""");

        var fraction = text.Contains('.') ? text[(text.IndexOf('.') + 1)..].TrimEnd('Z').Split('+')[0] : "";
        long ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0')[..7]);
        var expected = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(offsetHours)).AddTicks(ticks);
        Assert.Equal(expected.UtcTicks, document.Timestamp!.Value.UtcTicks);
        Assert.Equal(TimeSpan.FromHours(offsetHours), document.Timestamp.Value.Offset);
    }

    [Fact]
    public void InvalidDateOrUuidIsKeptRaw()
    {
        Assert.Null(ReadBent<ModelsDocument>("""{"day":"2024-02-30"}""").Day);
        Assert.Null(ReadBent<ModelsDocument>("""{"id":"not-a-uuid"}""").Id);
        Assert.Null(ReadBent<ModelsDocument>("""{"large":1e400}""").Large);
    }

    [Fact]
    public void DeprecatedSchemaPropertyAndOperationAreObsolete()
    {
#pragma warning disable CS0618 // the point: LegacyThing is obsolete
        Assert.NotNull(typeof(LegacyThing).GetCustomAttribute<ObsoleteAttribute>());
#pragma warning restore CS0618
        Assert.NotNull(typeof(ModelsDocument).GetProperty("LegacyField")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.NotNull(typeof(ModelsApi).GetMethod("GetLegacyAsync")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.NotNull(typeof(ModelsApi).GetMethod("GetLegacyWithHttpInfoAsync")!.GetCustomAttribute<ObsoleteAttribute>());
        // Nothing else is.
        Assert.Null(typeof(ModelsDocument).GetCustomAttribute<ObsoleteAttribute>());
        Assert.Null(typeof(ModelsDocument).GetProperty(nameof(ModelsDocument.Note))!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.Null(typeof(ModelsApi).GetMethod(nameof(ModelsApi.EchoModelsAsync))!.GetCustomAttribute<ObsoleteAttribute>());
    }

    [Fact]
    public void DeprecatedPropertyIsStillReadAndWritten()
    {
        const string json = """{"legacy_field":"old","legacy":{"name":"x"}}""";

        var document = Read<ModelsDocument>(json);

#pragma warning disable CS0618
        Assert.Equal("old", document.LegacyField);
        Assert.Equal("x", document.Legacy!.Name);
#pragma warning restore CS0618
        JsonAssert.Equivalent(json, Write(document));
    }

    [Fact]
    public void ReadOnlyPropertyIsReadAndWrittenBack()
    {
        var document = Read<ModelsDocument>("""{"server_id":"srv-1"}""");

        Assert.Equal("srv-1", document.ServerId);
        Assert.Equal("""{"server_id":"srv-1"}""", Write(document));
        Assert.True(typeof(ModelsDocument).GetProperty(nameof(ModelsDocument.ServerId))!.CanWrite);
    }

    [Fact]
    public void RecursiveSchemaRoundTripsThreeLevels()
    {
        const string json = """{"name":"root","children":[{"name":"a","children":[{"name":"a1","children":[]}]},{"name":"b"}]}""";

        var tree = Read<TreeNode>(json);

        Assert.Equal("root", tree.Name);
        Assert.Equal(["a", "b"], tree.Children!.Select(child => child.Name));
        var grandchild = Assert.Single(tree.Children![0].Children!);
        Assert.Equal("a1", grandchild.Name);
        Assert.Empty(grandchild.Children!);
        Assert.Null(tree.Children![1].Children);
        JsonAssert.Equivalent(json, Write(tree));
        Assert.Equal(typeof(List<TreeNode>), typeof(TreeNode).GetProperty(nameof(TreeNode.Children))!.PropertyType);
    }

    [Fact]
    public void PropertyNamedLikeItsTypeKeepsBothNames()
    {
        const string json = """{"unit":{"name":"meter","symbol":"m"},"value":2.5}""";

        var measurement = Read<Measurement>(json);

        Assert.Equal(typeof(Unit), typeof(Measurement).GetProperty("Unit")!.PropertyType);
        Assert.Equal("meter", measurement.Unit!.Name);
        Assert.Equal("m", measurement.Unit.Symbol);
        Assert.Equal(json, Write(measurement));
    }

    [Fact]
    public void KeywordAndPunctuatedJsonNamesMapToValidPropertiesAndBack()
    {
        const string json = """{"class":"c","event":"e","x-ray.\u00e9tat/\u00fcn\u00efcode":"u"}""";

        var document = Read<ModelsDocument>(json);

        Assert.Equal("c", document.Class);
        Assert.Equal("e", document.Event);
        Assert.Equal("u", document.XRayÉtatÜnïcode);
        Assert.Empty(document.AdditionalProperties);
        JsonAssert.Equivalent(json, Write(document));
        using var written = JsonDocument.Parse(Write(document));
        Assert.Equal(["class", "event", "x-ray.\u00e9tat/\u00fcn\u00efcode"], written.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void UnknownPropertiesAreKeptInOrderAndWrittenBack()
    {
        const string json = """{"class":"c","zeta":1,"alpha":{"n":[1]}}""";

        var document = Read<ModelsDocument>(json);

        Assert.Equal(2, document.AdditionalProperties.Count);
        Assert.Equal(json, Write(document));
    }
}
