using System.Text;
using System.Text.Json;
using Xunit;

namespace DatadogGen.Runtime.Tests;

public class JsonShapeTests
{
    private static readonly JsonShape Field = new(
        JsonTokenKinds.Object,
        new JsonPropertyShape("type", JsonTokenKinds.String | JsonTokenKinds.Null, isRequired: true),
        new JsonPropertyShape("value", JsonTokenKinds.Array | JsonTokenKinds.Null, isRequired: false));

    [Theory]
    [InlineData("""{"type":"a","value":["x"]}""", true)]
    [InlineData("""{"value":null,"type":null}""", true)]
    [InlineData("""{"type":"a","unknown":{"value":"nested names are not the object's"}}""", true)]
    [InlineData("""{"type":"a","value":"x"}""", false)]
    [InlineData("""{"value":["x"]}""", false)]
    [InlineData("""{"type":1}""", false)]
    [InlineData("""["type"]""", false)]
    [InlineData("null", false)]
    [InlineData("""{"typ\u0065":"escaped name","value":[]}""", true)]
    public void MayReadChecksTokenKindsAndRequiredProperties(string json, bool expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, Field.MayRead(reader));
    }

    private static readonly JsonShape Single = new(
        JsonTokenKinds.Object,
        new JsonPropertyShape("kind", JsonTokenKinds.String, isRequired: true, isKnown: (ref Utf8JsonReader reader) => reader.ValueTextEquals("single"u8)),
        new JsonPropertyShape("value", JsonTokenKinds.String | JsonTokenKinds.Null, isRequired: false));

    private static readonly JsonShape Multiple = new(
        JsonTokenKinds.Object,
        new JsonPropertyShape("kind", JsonTokenKinds.String, isRequired: true, isKnown: (ref Utf8JsonReader reader) => reader.ValueTextEquals("multiple"u8)),
        new JsonPropertyShape("value", JsonTokenKinds.Array | JsonTokenKinds.Null, isRequired: false));

    // One walk for all of a union's variants must answer as each variant's own MayRead would; a null shape always fits.
    [Theory]
    [InlineData("""{"kind":"single","value":"x"}""", 0b1101UL)]
    [InlineData("""{"value":["x"],"kind":"multiple"}""", 0b1110UL)]
    [InlineData("""{"kind":"single","value":["x"]}""", 0b1100UL)]
    [InlineData("""{"kind":"other"}""", 0b1100UL)]
    [InlineData("""{"value":null,"kind":"multiple"}""", 0b1110UL)]
    [InlineData("""{"value":null}""", 0b1100UL)]
    [InlineData("\"text\"", 0b0100UL)]
    [InlineData("[1]", 0b0100UL)]
    public void FitsAnswersForEveryVariantInOneWalk(string json, ulong expected)
    {
        JsonShape?[] variants = [Single, Multiple, null, new(JsonTokenKinds.Object)];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var consumed = reader.BytesConsumed;

        Assert.Equal(expected, JsonShape.Fits(reader, variants));
        Assert.Equal((expected & 1) != 0, Single.MayRead(reader));
        Assert.Equal((expected & 2) != 0, Multiple.MayRead(reader));
        Assert.Equal(consumed, reader.BytesConsumed);
    }

    // With one variant there is nothing to choose: the variant's own reader, which the union runs next, decides
    // whether the value reads cleanly (LosslessJsonTests), so the object is not walked first. A token that reader
    // would throw on is still ruled out, since an exception costs more than the check.
    [Theory]
    [InlineData("""{"kind":"single"}""", 1UL)]
    [InlineData("""{"kind":"other","value":["x"]}""", 1UL)]
    [InlineData("""{"value":null}""", 1UL)]
    [InlineData("\"text\"", 0UL)]
    [InlineData("[1]", 0UL)]
    public void FitsLeavesAUnionOfOneVariantToItsReader(string json, ulong expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var consumed = reader.BytesConsumed;

        Assert.Equal(expected, JsonShape.Fits(reader, [Single]));
        Assert.Equal(consumed, reader.BytesConsumed);
    }

    [Fact]
    public void MayReadLeavesTheCallersReaderWhereItWas()
    {
        var reader = new Utf8JsonReader("""{"type":"a","value":[1,2]}"""u8);
        reader.Read();

        Assert.True(Field.MayRead(reader));
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        Assert.Equal(1, reader.BytesConsumed);
    }

    [Theory]
    [InlineData(JsonTokenKinds.String, "\"s\"", true)]
    [InlineData(JsonTokenKinds.String, "1", false)]
    [InlineData(JsonTokenKinds.Number, "1.5", true)]
    [InlineData(JsonTokenKinds.Boolean, "false", true)]
    [InlineData(JsonTokenKinds.Array, "{}", false)]
    [InlineData(JsonTokenKinds.Any, "null", true)]
    public void AllowsMatchesTheTokenAgainstTheKinds(JsonTokenKinds kinds, string json, bool expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, JsonShape.Allows(kinds, reader.TokenType));
    }

    private static readonly JsonShape WithEnum = new(
        JsonTokenKinds.Object,
        new JsonPropertyShape("type", JsonTokenKinds.Any, isRequired: false, isKnown: static (ref Utf8JsonReader reader) =>
            JsonPrimitives.ReadEnumString(ref reader, "Kind") is "dropdown" or "textbox"));

    [Theory]
    [InlineData("""{"type":"dropdown"}""", true)]
    [InlineData("""{"type":null}""", true)]
    [InlineData("""{}""", true)]
    [InlineData("""{"type":"autocomplete"}""", false)]
    [InlineData("""{"type":7}""", false)] // the enum reader throws: the variant's reader would too
    public void MayReadRulesOutUnknownEnumValues(string json, bool expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, WithEnum.MayRead(reader));
    }
}
