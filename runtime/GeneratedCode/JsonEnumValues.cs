using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// The values a generated string enum knows, and their reading: a known value comes back as the listed string
/// itself, so reading one allocates nothing (JSON:API responses repeat <c>type</c> enums on every resource).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonEnumValues
{
    // Past a few dozen values, comparing each costs more than the string it saves; a set answers IsKnown then.
    private const int MaxValuesMatchedOnRead = 32;

    private readonly string _typeName;
    private readonly string[] _values;
    private readonly byte[][] _utf8Values;
    private readonly JsonEncodedText[] _encodedValues;
    private readonly HashSet<string>? _set;

    /// <summary>Lists the known values.</summary>
    /// <param name="typeName">The enum's name, for error messages.</param>
    /// <param name="values">The wire values the spec lists.</param>
    public JsonEnumValues(string typeName, params string[] values)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _values = values ?? throw new ArgumentNullException(nameof(values));
        _utf8Values = values.Length <= MaxValuesMatchedOnRead ? Array.ConvertAll(values, Encoding.UTF8.GetBytes) : [];
        _encodedValues = values.Length <= MaxValuesMatchedOnRead ? Array.ConvertAll(values, value => JsonEncodedText.Encode(value)) : [];
        _set = values.Length > MaxValuesMatchedOnRead ? new HashSet<string>(values, StringComparer.Ordinal) : null;
    }

    /// <summary>Whether <paramref name="value"/> is one the spec lists.</summary>
    /// <param name="value">A wire value.</param>
    /// <returns>True when known.</returns>
    public bool IsKnown(string? value) => value is not null && (_set?.Contains(value) ?? Array.IndexOf(_values, value) >= 0);

    /// <summary>
    /// Writes a string enum value. A known value read or named through the enum's members is the listed string
    /// itself, so it is found by reference and written pre-encoded, without transcoding or an escaping check.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The wire value; null writes null.</param>
    public void Write(Utf8JsonWriter writer, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var encoded = _encodedValues;
        for (var index = 0; index < encoded.Length; index++)
        {
            if (ReferenceEquals(_values[index], value))
            {
                writer.WriteStringValue(encoded[index]);
                return;
            }
        }

        writer.WriteStringValue(value);
    }

    /// <summary>Reads a string enum value: a known one as the listed string, any other as it came.</summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            for (var index = 0; index < _utf8Values.Length; index++)
            {
                if (reader.ValueTextEquals(_utf8Values[index]))
                {
                    return _values[index];
                }
            }
        }

        return JsonPrimitives.ReadEnumString(ref reader, _typeName);
    }
}
