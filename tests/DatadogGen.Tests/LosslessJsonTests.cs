using System.Text.Json;
using DatadogGen.Tests.Client;
using Xunit;
using static DatadogGen.Tests.PostmortemClientTests;

namespace DatadogGen.Tests;

/// <summary>What the generated converters promise: round trips lose nothing the server sent.</summary>
public class LosslessJsonTests
{
    [Fact]
    public void UnknownPropertiesAreKeptAndWrittenBack()
    {
        const string json = """{"id":"cell-1","future_field":{"nested":[1,2,3]},"type":"markdown","flag":true}""";

        var cell = JsonSerializer.Deserialize(json, JsonTypeInfo<PostmortemCell>())!;

        Assert.Equal("cell-1", cell.Id);
        Assert.Equal(2, cell.AdditionalProperties.Count);
        Assert.Equal(JsonValueKind.True, cell.AdditionalProperties["flag"].ValueKind);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(cell, JsonTypeInfo<PostmortemCell>()));
    }

    [Fact]
    public void AbsentStaysAbsentAndNullStaysNull()
    {
        const string json = """{"id":null}""";

        var cell = JsonSerializer.Deserialize(json, JsonTypeInfo<PostmortemCell>())!;

        Assert.Null(cell.Id);
        Assert.Null(cell.Type);
        Assert.Equal(json, JsonSerializer.Serialize(cell, JsonTypeInfo<PostmortemCell>()));
    }

    [Fact]
    public void PropertiesNeverSetAreNotWritten()
    {
        var cell = new PostmortemCell { Id = "cell-1" };

        Assert.Equal("""{"id":"cell-1"}""", JsonSerializer.Serialize(cell, JsonTypeInfo<PostmortemCell>()));
    }

    [Fact]
    public void PropertySetToNullIsWrittenAsNull()
    {
        var cell = new PostmortemCell { Id = "cell-1", Type = null };

        Assert.Equal("""{"id":"cell-1","type":null}""", JsonSerializer.Serialize(cell, JsonTypeInfo<PostmortemCell>()));
    }

    [Fact]
    public void UnknownEnumValueIsKeptAndWrittenBack()
    {
        const string json = """{"id":"cell-1","type":"notebook_cell"}""";

        var cell = JsonSerializer.Deserialize(json, JsonTypeInfo<PostmortemCell>())!;

        Assert.False(cell.Type!.Value.IsKnown);
        Assert.Equal("notebook_cell", cell.Type.Value.ToString());
        Assert.NotEqual(PostmortemCellType.Markdown, cell.Type.Value);
        Assert.Equal(json, JsonSerializer.Serialize(cell, JsonTypeInfo<PostmortemCell>()));
    }

    [Theory]
    [InlineData("""{"type":"markdown"}""")]
    [InlineData("""{"type":"mark\u0064own"}""")]
    public void KnownEnumValueReadsAsTheMembersOwnString(string json)
    {
        // A known value costs no allocation: the reader hands back the static member's string.
        var cell = JsonSerializer.Deserialize(json, JsonTypeInfo<PostmortemCell>())!;

        Assert.Same(PostmortemCellType.Markdown.ToString(), cell.Type!.Value.ToString());
        Assert.True(cell.Type.Value.IsKnown);
    }

    [Fact]
    public void EnumValueOfTheWrongJsonTypeIsAJsonException()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"type":1}""", JsonTypeInfo<PostmortemCell>()));

        Assert.Contains("PostmortemCellType", exception.Message);
    }

    [Fact]
    public void ExtensibleEnumsCompareByWireValue()
    {
        Assert.Equal(PostmortemCellType.Markdown, new PostmortemCellType("markdown"));
        Assert.True(PostmortemCellType.Markdown == "markdown");
        Assert.Equal("markdown", PostmortemCellType.Markdown.ToString());
        Assert.Equal("incident_attachments", IncidentAttachmentType.IncidentAttachments.ToString());
        Assert.True(PostmortemCellType.Markdown.IsKnown);
    }

    [Fact]
    public void UnmatchedOneOfIsKeptUnparsedAndWrittenBack()
    {
        const string json = """{"data":{"attributes":{},"id":"a","relationships":{},"type":"incident_attachments"},"included":[{"id":"team-1","type":"teams","attributes":{"name":"SRE"}}]}""";

        var attachment = JsonSerializer.Deserialize(json, JsonTypeInfo<Attachment>())!;

        var included = Assert.Single(attachment.Included!);
        Assert.True(included.IsUnparsed);
        Assert.Null(included.IncidentUserData);
        Assert.Equal("teams", included.UnparsedObject!.Value.GetProperty("type").GetString());
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(attachment, JsonTypeInfo<Attachment>()));
    }

    [Fact]
    public void OneOfVariantCanBeAssignedDirectly()
    {
        var attachment = new Attachment { Included = [new IncidentUserData { Id = "u1", Type = UsersType.Users }] };

        Assert.Equal(
            """{"included":[{"id":"u1","type":"users"}]}""",
            JsonSerializer.Serialize(attachment, JsonTypeInfo<Attachment>()));
    }

    [Fact]
    public void MissingRequiredPropertyIsAJsonExceptionThatNamesIt()
    {
        var exception = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"data":{"type":"incident_attachments"}}""", JsonTypeInfo<PostmortemAttachmentRequest>()));

        Assert.Contains("'attributes'", exception.Message);
        Assert.Contains("PostmortemAttachmentRequestData", exception.Message);
    }

    [Fact]
    public void WrongJsonShapeIsAJsonException()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""["not","an","object"]""", JsonTypeInfo<Attachment>()));
    }

    [Fact]
    public void OptionsResolveEveryGeneratedTypeWithoutReflection()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        Assert.NotNull(DatadogJson.Options.GetTypeInfo(typeof(PostmortemAttachmentRequest)));
        Assert.NotNull(DatadogJson.Options.GetTypeInfo(typeof(PostmortemCellType)));
        Assert.NotNull(DatadogJson.Options.GetTypeInfo(typeof(AttachmentIncluded)));
        Assert.Equal("\"markdown\"", JsonSerializer.Serialize(PostmortemCellType.Markdown, DatadogJson.Options));
    }
}
