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
