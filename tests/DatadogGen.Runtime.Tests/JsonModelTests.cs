using System;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DatadogGen.Runtime.Tests;

public sealed class JsonModelTests
{
    [Theory]
    [InlineData("""{"id":"a"}""")]
    [InlineData(" \r\n\t{\"id\":\"a\"} \r\n\t")]
    [InlineData("\uFEFF{\"id\":\"a\"}")]
    public void DeserializeReadsAWholeDocument(string json)
    {
        Item item = JsonModel.Deserialize(Encoding.UTF8.GetBytes(json), TestModels.ReadItem);

        Assert.Equal(new Item("a"), item);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void DeserializeRejectsAnEmptyBody(string json)
    {
        JsonException ex = Assert.Throws<JsonException>(() => JsonModel.Deserialize(Encoding.UTF8.GetBytes(json), TestModels.ReadItem));

        Assert.Equal("The response body is empty", ex.Message);
    }

    [Theory]
    [InlineData("""{"id":"a"}x""")]
    [InlineData("""{"id":"a"}{}""")]
    [InlineData("""{"id":"a"}}""")]
    [InlineData("""{"id":""")]
    [InlineData("<html></html>")]
    public void DeserializeRejectsAnythingButOneValue(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonModel.Deserialize(Encoding.UTF8.GetBytes(json), TestModels.ReadItem));
    }

    [Fact]
    public void DeserializeRejectsAReaderThatStopsEarly()
    {
        JsonValueReader<int> lazy = (ref Utf8JsonReader reader) => 1;

        Assert.ThrowsAny<JsonException>(() => JsonModel.Deserialize("""{"id":"a"}"""u8, lazy));
    }

    [Fact]
    public void DeserializeReadsAPrimitiveRoot()
    {
        JsonValueReader<int> readInt = (ref Utf8JsonReader reader) => reader.GetInt32();

        Assert.Equal(42, JsonModel.Deserialize(" 42 "u8, readInt));
    }

    [Fact]
    public void SerializeWritesCompactJson()
    {
        byte[] json = JsonModel.Serialize(new Item("a"), TestModels.WriteItem);

        Assert.Equal("""{"id":"a"}""", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void SerializeRejectsWritersThatWriteNothingOrTooLittle()
    {
        Assert.Throws<InvalidOperationException>(() => JsonModel.Serialize(1, (_, _) => { }));
        Assert.Throws<InvalidOperationException>(() => JsonModel.Serialize(1, (writer, _) => writer.WriteStartObject()));
    }

    [Fact]
    public void SerializeStartsCleanAfterAWriterThatFailedHalfway()
    {
        Assert.Throws<InvalidOperationException>(() => JsonModel.Serialize(1, (writer, _) =>
        {
            writer.WriteStartObject();
            writer.WriteString("half", "written");
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("""{"id":"b"}""", Encoding.UTF8.GetString(JsonModel.Serialize(new Item("b"), TestModels.WriteItem)));
    }

    [Fact]
    public void SerializeCalledFromInsideAWriterDoesNotShareItsBuffer()
    {
        string? inner = null;
        byte[] outer = JsonModel.Serialize(new Item("outer"), (writer, item) =>
        {
            writer.WriteStartObject();
            inner = Encoding.UTF8.GetString(JsonModel.Serialize(new Item("inner"), TestModels.WriteItem));
            writer.WriteString("id", item.Id);
            writer.WriteEndObject();
        });

        Assert.Equal("""{"id":"inner"}""", inner);
        Assert.Equal("""{"id":"outer"}""", Encoding.UTF8.GetString(outer));
    }

    [Fact]
    public void SerializeHandlesBodiesLargerThanTheRetainedBuffer()
    {
        string big = new('x', 200_000);

        byte[] json = JsonModel.Serialize(new Item(big), TestModels.WriteItem);

        Assert.Equal(big.Length + "{\"id\":\"\"}".Length, json.Length);
        Assert.Equal("""{"id":"a"}""", Encoding.UTF8.GetString(JsonModel.Serialize(new Item("a"), TestModels.WriteItem)));
    }

    [Theory]
    [InlineData("""{"id":"a"}""", true)]
    [InlineData("""{"other":1}""", false)]
    [InlineData("""{"id":""", false)]
    [InlineData("", false)]
    [InlineData("<html></html>", false)]
    public void TryDeserializeReportsInsteadOfThrowing(string json, bool expected)
    {
        bool read = JsonModel.TryDeserialize(Encoding.UTF8.GetBytes(json), TestModels.ReadItem, out Item? item);

        Assert.Equal(expected, read);
        Assert.Equal(expected ? new Item("a") : null, item);
    }

    [Fact]
    public void TryDeserializeTreatsAnyReaderExceptionAsNoFit()
    {
        JsonValueReader<Item> buggy = (ref Utf8JsonReader reader) => throw new NullReferenceException("bug");

        Assert.False(JsonModel.TryDeserialize("""{"id":"a"}"""u8, buggy, out _));
    }
}
