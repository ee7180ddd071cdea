using System.ComponentModel;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// A generated type that reads and writes itself: models, enums and unions. Static members, so one generic
/// converter, list reader or response reader serves every type without a delegate or class per type.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonValue<TSelf> : IJsonModel
    where TSelf : IJsonValue<TSelf>
{
    /// <summary>Reads a non-null value at the reader's current token.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>The value.</returns>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes a non-null value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value);
}

/// <summary>The reader and writer of a generated type as delegates, made once per type.</summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValue<T>
    where T : IJsonValue<T>
{
    /// <summary>Reads a non-null value.</summary>
    public static readonly JsonValueReader<T> Read = T.ReadJson;

    /// <summary>Writes a non-null value.</summary>
    public static readonly JsonValueWriter<T> Write = T.WriteJson;

    /// <summary>Writes a value, null as JSON null.</summary>
    public static readonly JsonValueWriter<T> WriteNullable = static (writer, value) =>
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            T.WriteJson(writer, value);
        }
    };

    /// <summary>Reads a value, JSON null as default.</summary>
    public static readonly JsonValueReader<T> ReadNullable = static (ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? default! : T.ReadJson(ref reader);

    /// <summary>Whether the value at the reader reads as one the spec knows (a union's shape check of an enum property).</summary>
    public static readonly JsonValueReader<bool> IsKnown = static (ref Utf8JsonReader reader) => !T.ReadJson(ref reader).IsUnparsed;
}
