using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace DatadogGen;

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
    private readonly HashSet<string>? _set;

    /// <summary>Lists the known values.</summary>
    /// <param name="typeName">The enum's name, for error messages.</param>
    /// <param name="values">The wire values the spec lists.</param>
    public JsonEnumValues(string typeName, params string[] values)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _values = values ?? throw new ArgumentNullException(nameof(values));
        _utf8Values = values.Length <= MaxValuesMatchedOnRead ? Array.ConvertAll(values, Encoding.UTF8.GetBytes) : [];
        _set = values.Length > MaxValuesMatchedOnRead ? new HashSet<string>(values, StringComparer.Ordinal) : null;
    }

    /// <summary>Whether <paramref name="value"/> is one the spec lists.</summary>
    /// <param name="value">A wire value.</param>
    /// <returns>True when known.</returns>
    public bool IsKnown(string? value) => value is not null && (_set?.Contains(value) ?? Array.IndexOf(_values, value) >= 0);

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
