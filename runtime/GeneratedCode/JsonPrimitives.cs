using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>Reading and writing helpers that generated models share, so each model stays small.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonPrimitives
{
    /// <summary>Throws unless the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeName">The model being read, for the message.</param>
    /// <exception cref="JsonException">The token is not '{'.</exception>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }
    }

    /// <summary>Reads a string enum value, known or not.</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="typeName">The enum being read, for the message.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public static string ReadEnumString(ref Utf8JsonReader reader, string typeName) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Expected a string for {typeName} but found {reader.TokenType}.");

    /// <summary>Reads an integer enum value, known or not.</summary>
    /// <param name="reader">The reader, on a number token.</param>
    /// <param name="typeName">The enum being read, for the message.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="JsonException">The token is not an integer.</exception>
    public static long ReadEnumInteger(ref Utf8JsonReader reader, string typeName) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw new JsonException($"Expected an integer for {typeName} but found {reader.TokenType}.");

    /// <summary>
    /// Reads an ISO 8601 date-time. Datadog sends up to nine fractional digits, beyond what the reader's own
    /// parser takes, so those fall back to <see cref="DateTimeOffset.Parse(string, IFormatProvider, DateTimeStyles)"/>.
    /// </summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="JsonException">The value is not a date-time.</exception>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return value;
        }

        throw new JsonException($"Expected an ISO 8601 date-time but found {reader.TokenType} '{text}'.");
    }

    /// <summary>Reads a full-date (yyyy-MM-dd).</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <returns>The date.</returns>
    /// <exception cref="JsonException">The value is not a date.</exception>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new JsonException($"Expected a date (yyyy-MM-dd) but found {reader.TokenType} '{text}'.");
    }

    /// <summary>
    /// Reads a model's date-time property. Text that the client would not write the same way
    /// (<c>2025-09-12T14:50:00.000Z</c>, <c>+00:00</c>, nine digits) is kept in the model's bag, so a value read
    /// and sent back unchanged goes out exactly as it came: servers compare such text as written.
    /// </summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="bag">The model's additional properties, created when needed.</param>
    /// <param name="jsonName">The property's JSON name.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="JsonException">The value is not a date-time.</exception>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, ref AdditionalPropertyBag? bag, string jsonName)
    {
        var value = ReadDateTimeOffset(ref reader);
        if (!WireDateTime.IsWrittenAs(value, ref reader))
        {
            (bag ??= new()).KeepOriginalText(jsonName, ref reader, value);
        }

        return value;
    }

    /// <summary>Writes a model's date-time property: the text it was read from if the value is unchanged, else as parameters are written.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    /// <param name="bag">The model's additional properties.</param>
    /// <param name="jsonName">The property's JSON name.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value, AdditionalPropertyBag? bag, string jsonName)
    {
        if (bag is not null && bag.TryGetOriginalText(jsonName, value, out var original))
        {
            writer.WriteRawValue(original, skipInputValidation: true);
        }
        else
        {
            WireDateTime.WriteJson(writer, value);
        }
    }

    /// <summary>Writes an instant as Datadog's clients do (<c>2024-11-25T19:38:40.699Z</c>), as parameters are written.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => WireDateTime.WriteJson(writer, value);

    /// <summary>Writes a full-date (yyyy-MM-dd).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Reads a string, JSON null as null: an element of a list or map of strings.</summary>
    public static readonly JsonValueReader<string> ReadNullableString = static (ref Utf8JsonReader reader) => reader.GetString()!;

    /// <summary>Writes a string, null as JSON null.</summary>
    public static readonly JsonValueWriter<string> WriteNullableString = static (writer, value) => writer.WriteStringValue(value);

    /// <summary>Reads any JSON value as it is, null included.</summary>
    public static readonly JsonValueReader<JsonElement> ReadElement = static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Writes a raw JSON value.</summary>
    public static readonly JsonValueWriter<JsonElement> WriteElement = static (writer, value) => value.WriteTo(writer);

    /// <summary>
    /// The string value of a top-level property of the object at the reader, without moving the caller's
    /// reader (it is passed by value): how a union finds its discriminator before choosing a variant.
    /// </summary>
    /// <param name="reader">A copy of the reader, on the start of an object.</param>
    /// <param name="utf8Name">The property name.</param>
    /// <returns>The string value, or null when absent or not a string.</returns>
    public static string? PeekStringProperty(Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMatch = reader.ValueTextEquals(utf8Name);
            reader.Read();
            if (isMatch)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// Tries one variant of a union on a copy of the reader. A value that does not fit the variant is an
    /// expected outcome here, not an error, so the exceptions that say so become false.
    /// </summary>
    /// <typeparam name="T">The variant type.</typeparam>
    /// <param name="reader">
    /// A copy of the reader, on the value's first token; after a successful read it is on the value's last token,
    /// so the caller can take it over instead of skipping the value again. After a failure, discard it.
    /// </param>
    /// <param name="read">Reads the variant.</param>
    /// <param name="value">The variant read, when it fit.</param>
    /// <returns>True when the value reads as the variant.</returns>
    public static bool TryReadVariant<T>(ref Utf8JsonReader reader, JsonValueReader<T> read, out T value)
    {
        try
        {
            value = read(ref reader);
            return true;
        }
        catch (Exception exception) when (IsRejection(exception))
        {
            value = default!;
            return false;
        }
    }

    /// <summary>The exceptions by which a generated reader (or Utf8JsonReader under it) says a value does not fit.</summary>
    /// <param name="exception">The exception a reader threw.</param>
    /// <returns>True when it means "not this shape" rather than a failure of the program.</returns>
    public static bool IsRejection(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or OverflowException;
}
