using System.Text.Json;

namespace DatadogGen.Runtime.Tests;

/// <summary>Hand-written stand-ins for generated models and their reader/writer delegates.</summary>
internal static class TestModels
{
    public static readonly JsonValueReader<Item> ReadItem = (ref Utf8JsonReader reader) =>
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, found {reader.TokenType}.");
        }

        string? id = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (name == "id")
            {
                id = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Item(id ?? throw new JsonException("Missing required property 'id'."));
    };

    public static readonly JsonValueWriter<Item> WriteItem = (writer, item) =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", item.Id);
        writer.WriteEndObject();
    };

    public static readonly ResponseReader<Item> ReadItemResponse = (_, body) => JsonModel.Deserialize(body, ReadItem);

    /// <summary>Reads {"errors":["..."]} like Datadog's APIErrorResponse.</summary>
    public static readonly ErrorReader ReadError = (_, body) => JsonModel.Deserialize(body, (ref Utf8JsonReader reader) =>
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        var errors = document.RootElement.GetProperty("errors");
        return new TestError(errors[0].GetString()!);
    });
}
