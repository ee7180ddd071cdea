using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DatadogGen.GeneratedCode;

/// <summary>A list of a generated type for JsonSerializer, over the same reader and writer the models use.</summary>
internal sealed class JsonListConverter<T>(JsonValueReader<T> readItem, JsonValueWriter<T> writeItem) : JsonConverter<List<T>>
{
    private readonly JsonValueWriter<T> _writeItem = WriteNullable(writeItem);

    public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonCollections.ReadList(ref reader, readItem);

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
        JsonCollections.WriteList(writer, value, _writeItem);

    internal static JsonValueWriter<T> WriteNullable(JsonValueWriter<T> write) =>
        (writer, item) =>
        {
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                write(writer, item);
            }
        };
}

/// <summary>A string-keyed map of a generated type for JsonSerializer.</summary>
internal sealed class JsonMapConverter<T>(JsonValueReader<T> readValue, JsonValueWriter<T> writeValue) : JsonConverter<Dictionary<string, T>>
{
    private readonly JsonValueWriter<T> _writeValue = JsonListConverter<T>.WriteNullable(writeValue);

    public override Dictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonCollections.ReadMap(ref reader, readValue);

    public override void Write(Utf8JsonWriter writer, Dictionary<string, T> value, JsonSerializerOptions options) =>
        JsonCollections.WriteMap(writer, value, _writeValue);
}
