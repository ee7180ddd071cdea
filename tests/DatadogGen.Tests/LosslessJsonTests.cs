using System.Linq;
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
    public void EnumValueOfTheWrongJsonTypeIsKeptRaw()
    {
        var cell = JsonSerializer.Deserialize("""{"type":1}""", JsonTypeInfo<PostmortemCell>())!;

        Assert.Null(cell.Type);
        Assert.True(cell.IsUnparsed);
        Assert.Equal("""{"type":1}""", JsonSerializer.Serialize(cell, JsonTypeInfo<PostmortemCell>()));
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

    // AttachmentIncluded is a oneOf of one variant, which is read without a walk first: what the walk would have
    // ruled out (an unknown or unreadable type, a value of the wrong kind, not an object) must
    // still end unparsed, the reader after the value, and be written back as it came.
    [Theory]
    [InlineData("""{"id":"team-1","type":"teams","attributes":{"name":"SRE"}}""")]
    [InlineData("""{"id":"user-1","type":2}""")]
    [InlineData("""{"id":1,"type":"users"}""")]
    [InlineData("""{"id":"user-1","type":"users","attributes":"SRE"}""")]
    [InlineData("\"users\"")]
    [InlineData("[1,2]")]
    public void UnmatchedOneOfIsKeptUnparsedAndWrittenBack(string item)
    {
        var json = """{"data":{"attributes":{},"id":"a","relationships":{},"type":"incident_attachments"},"included":[""" + item + ""","u"],"meta":1}""";

        var attachment = JsonSerializer.Deserialize(json, JsonTypeInfo<Attachment>())!;

        Assert.Equal(2, attachment.Included!.Count);
        var included = attachment.Included[0];
        Assert.True(included.IsUnparsed);
        Assert.Null(included.IncidentUserData);
        JsonAssert.Equivalent(item, included.UnparsedObject!.Value.GetRawText());
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(attachment, JsonTypeInfo<Attachment>()));
    }

    [Fact]
    public void MatchedOneOfOfOneVariantIsReadAsIt()
    {
        const string json = """{"included":[{"id":"u1","type":"users","attributes":{"handle":"sre@example.com"}},{"type":"users","id":"u2"}]}""";

        var attachment = JsonSerializer.Deserialize(json, JsonTypeInfo<Attachment>())!;

        var included = attachment.Included!;
        Assert.Equal(["u1", "u2"], included.Select(item => item.IncidentUserData!.Id));
        Assert.Equal("sre@example.com", included[0].IncidentUserData!.Attributes!.Handle);
        Assert.All(included, item => Assert.False(item.IsUnparsed));
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
    public void MissingRequiredPropertyIsReadAsAbsentAndSaysSo()
    {
        // Real responses bend the spec this way (an AWS account without aws_account_id): the body must still read.
        const string json = """{"data":{"type":"incident_attachments"}}""";

        var request = JsonSerializer.Deserialize(json, JsonTypeInfo<PostmortemAttachmentRequest>())!;

        Assert.Null(request.Data.Attributes);
        Assert.Equal(IncidentAttachmentType.IncidentAttachments, request.Data.Type);
        Assert.True(request.Data.IsUnparsed);
        Assert.True(request.IsUnparsed);
        Assert.Equal(json, JsonSerializer.Serialize(request, JsonTypeInfo<PostmortemAttachmentRequest>()));
    }

    [Fact]
    public void ValueOfAnotherJsonTypeIsKeptRawAndWrittenBack()
    {
        // A number where the spec says string, an array where it says object: the typed properties read as absent.
        const string json = """{"id":42,"attributes":[1,2],"type":"markdown"}""";

        var cell = JsonSerializer.Deserialize(json, JsonTypeInfo<PostmortemCell>())!;

        Assert.Null(cell.Id);
        Assert.Null(cell.Attributes);
        Assert.Equal(PostmortemCellType.Markdown, cell.Type);
        Assert.True(cell.IsUnparsed);
        Assert.Equal(42, cell.AdditionalProperties["id"].GetInt32());
        Assert.Equal(JsonValueKind.Array, cell.AdditionalProperties["attributes"].ValueKind);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(cell, JsonTypeInfo<PostmortemCell>()));
    }

    [Theory]
    [InlineData("2025-09-12T14:50:00.000Z")]
    [InlineData("2025-09-12T14:50:00.000000Z")]
    [InlineData("2026-02-23T14:06:33.732990+00:00")]
    [InlineData("2026-02-23T14:06:33.732994123Z")]
    [InlineData("2026-02-23T15:06:33.5+01:00")]
    [InlineData("2025-09-12T14:50:00Z")]
    public void DateTimeReadAndWrittenBackUnchangedKeepsItsText(string text)
    {
        // Datadog's servers and its conformance recordings compare date-time text as written.
        var json = $$"""{"modified":"{{text}}"}""";

        var attributes = JsonSerializer.Deserialize(json, JsonTypeInfo<AttachmentDataAttributes>())!;

        Assert.Equal(json, JsonSerializer.Serialize(attributes, JsonTypeInfo<AttachmentDataAttributes>()));
        Assert.Empty(attributes.AdditionalProperties);
    }

    [Fact]
    public void UtcOffsetWrittenAsZeroHoursComesBackAsZ()
    {
        // The two spell the same instant, and Datadog's conformance matching takes them as equal: no copy of the
        // text is kept for them, which spares one for nearly every date-time Datadog sends.
        var attributes = JsonSerializer.Deserialize("""{"modified":"2026-02-23T14:06:33.732994+00:00"}""", JsonTypeInfo<AttachmentDataAttributes>())!;

        Assert.Equal("""{"modified":"2026-02-23T14:06:33.732994Z"}""", JsonSerializer.Serialize(attributes, JsonTypeInfo<AttachmentDataAttributes>()));
    }

    [Fact]
    public void DateTimeChangedAfterReadingIsWrittenAsTheClientWritesIt()
    {
        var attributes = JsonSerializer.Deserialize("""{"modified":"2025-09-12T14:50:00.000Z"}""", JsonTypeInfo<AttachmentDataAttributes>())!;

        attributes.Modified = attributes.Modified!.Value.AddMilliseconds(120);

        Assert.Equal("""{"modified":"2025-09-12T14:50:00.12Z"}""", JsonSerializer.Serialize(attributes, JsonTypeInfo<AttachmentDataAttributes>()));
    }

    [Fact]
    public void ObjectThatMatchesTheSpecIsNotUnparsed()
    {
        var cell = JsonSerializer.Deserialize("""{"id":"cell-1","type":"markdown","extra":1}""", JsonTypeInfo<PostmortemCell>())!;

        Assert.False(cell.IsUnparsed);
        Assert.False(new PostmortemCell { Id = "cell-1" }.IsUnparsed);
    }

    // The token kind fits, but the value's reader rejects it: the reader goes back and keeps the value raw.
    [Theory]
    [InlineData("modified", "\"yesterday\"")]
    [InlineData("modified", "\"2025-13-45T99:00:00Z\"")]
    [InlineData("attachment_type", "5")]
    [InlineData("attachment_type", "[\"postmortem\"]")]
    public void ValueItsReaderRejectsIsKeptRawAndWrittenBack(string name, string value)
    {
        var json = "{\"attachment\":{\"title\":\"t\"},\"" + name + "\":" + value + ",\"after\":true}";

        var attributes = JsonSerializer.Deserialize(json, JsonTypeInfo<AttachmentDataAttributes>())!;

        Assert.True(attributes.IsUnparsed);
        Assert.Equal("t", attributes.Attachment!.Title);
        Assert.Equal(value, attributes.AdditionalProperties[name].GetRawText());
        Assert.True(attributes.AdditionalProperties["after"].GetBoolean());
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(attributes, JsonTypeInfo<AttachmentDataAttributes>()));
    }

    [Fact]
    public void ListWithAnElementItsReaderRejectsIsKeptRaw()
    {
        const string json = """{"cells":[{"id":"a"},7],"title":"t"}""";

        var attributes = JsonSerializer.Deserialize(json, JsonTypeInfo<PostmortemAttachmentRequestAttributes>())!;

        Assert.True(attributes.IsUnparsed);
        Assert.Null(attributes.Cells);
        Assert.Equal("t", attributes.Title);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(attributes, JsonTypeInfo<PostmortemAttachmentRequestAttributes>()));
    }

    [Fact]
    public void UnknownEnumValueInsideMakesTheObjectUnparsed()
    {
        var cell = JsonSerializer.Deserialize("""{"id":"cell-1","type":"chart"}""", JsonTypeInfo<PostmortemCell>())!;

        Assert.True(cell.IsUnparsed);
        Assert.False(cell.Type!.Value.IsKnown);
    }

    [Fact]
    public void MalformedJsonIsStillAJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"id":"cell-1","type":}""", JsonTypeInfo<PostmortemCell>()));
    }

    [Fact]
    public void ObjectsUsersConstructKeepCSharpRequired()
    {
        var id = typeof(AttachmentData).GetProperty(nameof(AttachmentData.Id))!;

        Assert.True(id.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: false));
    }

    [Fact]
    public void WrongJsonShapeIsAJsonException()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""["not","an","object"]""", JsonTypeInfo<Attachment>()));
    }

    [Fact]
    public void ListsAndMapsOfGeneratedTypesGoThroughTheOptions()
    {
        const string list = """[{"id":"a","type":"markdown"},null,{"id":"b","future":1}]""";
        const string map = """{"first":{"id":"a"},"second":null}""";

        var cells = JsonSerializer.Deserialize<System.Collections.Generic.List<PostmortemCell>>(list, DatadogJson.Options)!;
        var byName = JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, PostmortemCell>>(map, DatadogJson.Options)!;

        Assert.Equal(3, cells.Count);
        Assert.Equal("a", cells[0].Id);
        Assert.Null(cells[1]);
        Assert.Equal(list, JsonSerializer.Serialize(cells, DatadogJson.Options));
        Assert.Equal("a", byName["first"].Id);
        Assert.Equal(map, JsonSerializer.Serialize(byName, DatadogJson.Options));
        Assert.Equal("""["markdown"]""", JsonSerializer.Serialize(new System.Collections.Generic.List<PostmortemCellType> { PostmortemCellType.Markdown }, DatadogJson.Options));
    }

    [Fact]
    public void RawJsonBodiesGoThroughTheOptions()
    {
        const string json = """{"a":{"b":[1,null]},"c":"d"}""";

        var map = JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, JsonElement>>(json, DatadogJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(map, DatadogJson.Options));
        Assert.Equal("[1,2]", JsonSerializer.Serialize(JsonSerializer.Deserialize<System.Collections.Generic.List<JsonElement>>("[1,2]", DatadogJson.Options), DatadogJson.Options));
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
