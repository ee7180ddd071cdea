using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>Arrays and maps for generated models: one element delegate serves any depth of nesting.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCollections
{
    /// <summary>Reads a JSON array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on '['.</param>
    /// <param name="readItem">Reads one element at its first token.</param>
    /// <returns>The elements.</returns>
    /// <exception cref="JsonException">The token is not '['.</exception>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array but found {reader.TokenType}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>Reads a JSON object as a map.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on '{'.</param>
    /// <param name="readValue">Reads one value at its first token.</param>
    /// <returns>The entries, in document order.</returns>
    /// <exception cref="JsonException">The token is not '{'.</exception>
    public static Dictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object but found {reader.TokenType}.");
        }

        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            entries[key] = readValue(ref reader);
        }

        return entries;
    }

    /// <summary>Writes a JSON array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="items">The elements.</param>
    /// <param name="writeItem">Writes one element.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, List<T> items, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as a JSON object.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="writeValue">Writes one value.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, Dictionary<string, T> entries, JsonValueWriter<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var entry in entries)
        {
            writer.WritePropertyName(entry.Key);
            writeValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>True when any element satisfies <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <param name="predicate">The test.</param>
    /// <returns>Whether one matched.</returns>
    public static bool AnyItem<T>(List<T> items, Func<T, bool> predicate) => items.Exists(item => predicate(item));

    /// <summary>True when any value satisfies <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="entries">The entries.</param>
    /// <param name="predicate">The test.</param>
    /// <returns>Whether one matched.</returns>
    public static bool AnyValue<T>(Dictionary<string, T> entries, Func<T, bool> predicate)
    {
        foreach (var entry in entries)
        {
            if (predicate(entry.Value))
            {
                return true;
            }
        }

        return false;
    }
}
