using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// A model's properties that the spec does not describe, kept so they are written back unchanged. Datadog adds
/// fields to responses long before the spec lists them, so most large responses carry some; keeping each as a
/// <see cref="JsonElement"/> costs a JsonDocument per value. A string, number, true, false or null is kept as
/// its raw JSON bytes instead and becomes a JsonElement only when read through the dictionary; objects and
/// arrays are parsed as they come. Keys are unique and compared ordinally; a repeated key keeps the last value,
/// as System.Text.Json does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AdditionalPropertyBag : IDictionary<string, JsonElement>, IReadOnlyDictionary<string, JsonElement>
{
    private static readonly byte[] TrueJson = "true"u8.ToArray();
    private static readonly byte[] FalseJson = "false"u8.ToArray();
    private static readonly byte[] NullJson = "null"u8.ToArray();

    private Entry[] _entries = [];
    private int _count;
    private OriginalText[] _originals = [];
    private int _originalCount;

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <inheritdoc cref="IDictionary{TKey, TValue}.Keys"/>
    public ICollection<string> Keys
    {
        get
        {
            var keys = new List<string>(_count);
            for (var index = 0; index < _count; index++)
            {
                keys.Add(_entries[index].Name);
            }

            return keys;
        }
    }

    /// <inheritdoc cref="IDictionary{TKey, TValue}.Values"/>
    public ICollection<JsonElement> Values
    {
        get
        {
            var values = new List<JsonElement>(_count);
            for (var index = 0; index < _count; index++)
            {
                values.Add(ElementAt(index));
            }

            return values;
        }
    }

    IEnumerable<string> IReadOnlyDictionary<string, JsonElement>.Keys => Keys;

    IEnumerable<JsonElement> IReadOnlyDictionary<string, JsonElement>.Values => Values;

    /// <inheritdoc cref="IDictionary{TKey, TValue}.this"/>
    public JsonElement this[string key]
    {
        get => IndexOf(key) is var index and >= 0 ? ElementAt(index) : throw new KeyNotFoundException($"No additional property '{key}'.");
        set => Set(key, raw: null, value);
    }

    /// <summary>Keeps the value at the reader (on its first token) under <paramref name="name"/>.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="reader">The reader, on the value's first token; left on its last token.</param>
    public void Read(string name, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                Set(name, RawValue(ref reader, quoted: true), default);
                break;
            case JsonTokenType.Number:
                Set(name, RawValue(ref reader, quoted: false), default);
                break;
            case JsonTokenType.True:
                Set(name, TrueJson, default);
                break;
            case JsonTokenType.False:
                Set(name, FalseJson, default);
                break;
            case JsonTokenType.Null:
                Set(name, NullJson, default);
                break;
            default:
                Set(name, raw: null, JsonElement.ParseValue(ref reader));
                break;
        }
    }

    /// <summary>
    /// True when the bag holds the value of a property the spec does describe, kept raw because its JSON was of
    /// another type than the spec declares (<see cref="ReadMismatch"/>).
    /// </summary>
    public bool HasMismatches { get; private set; }

    // The presence bits of a model's properties past the 63rd, kept here so that every model object is not
    // larger for the few models that have so many (the bag itself exists only when needed).
    internal ulong[]? MorePresence { get; set; }

    /// <summary>
    /// Keeps a described property whose value the model's reader rejected, so that writing the model back
    /// reproduces it, and marks the bag as holding a mismatch.
    /// </summary>
    /// <param name="name">The property's JSON name.</param>
    /// <param name="reader">The reader, on the value's first token; left on its last token.</param>
    public void ReadMismatch(string name, ref Utf8JsonReader reader)
    {
        Read(name, ref reader);
        HasMismatches = true;
    }

    /// <summary>
    /// Remembers the text a described date-time property was read from when it differs from the text the client
    /// would write for the same instant (<c>.000Z</c>, <c>+00:00</c>, nine digits), so that writing the value back
    /// unchanged reproduces it. Not one of the dictionary's entries.
    /// </summary>
    /// <param name="name">The property's JSON name.</param>
    /// <param name="reader">The reader, on the string token.</param>
    /// <param name="value">The instant read from it.</param>
    public void KeepOriginalText(string name, ref Utf8JsonReader reader, DateTimeOffset value)
    {
        var original = new OriginalText(name, RawValue(ref reader, quoted: true), value);
        var index = 0;
        while (index < _originalCount && !string.Equals(_originals[index].Name, name, StringComparison.Ordinal))
        {
            index++;
        }

        if (index == _originalCount)
        {
            if (_originalCount == _originals.Length)
            {
                Array.Resize(ref _originals, Math.Max(2, _originalCount * 2));
            }

            _originalCount++;
        }

        _originals[index] = original;
    }

    /// <summary>The text a date-time property was read from, if it was kept and the value is still the one read.</summary>
    /// <param name="name">The property's JSON name.</param>
    /// <param name="value">The value about to be written.</param>
    /// <param name="utf8Json">The original JSON string, quotes included.</param>
    /// <returns>Whether the original text stands for <paramref name="value"/>.</returns>
    public bool TryGetOriginalText(string name, DateTimeOffset value, [MaybeNullWhen(false)] out byte[] utf8Json)
    {
        for (var index = 0; index < _originalCount; index++)
        {
            ref readonly var entry = ref _originals[index];
            if (string.Equals(entry.Name, name, StringComparison.Ordinal) && entry.Value.EqualsExact(value))
            {
                utf8Json = entry.Utf8Json;
                return true;
            }
        }

        utf8Json = null;
        return false;
    }

    /// <summary>Writes every property, in the order they were added.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var index = 0; index < _count; index++)
        {
            ref readonly var entry = ref _entries[index];
            writer.WritePropertyName(entry.Name);
            if (entry.Raw is { } raw)
            {
                // The bytes came from a reader that validated them.
                writer.WriteRawValue(raw, skipInputValidation: true);
            }
            else
            {
                entry.Element.WriteTo(writer);
            }
        }
    }

    /// <inheritdoc/>
    public void Add(string key, JsonElement value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"An additional property '{key}' already exists.", nameof(key));
        }

        Set(key, raw: null, value);
    }

    /// <inheritdoc/>
    public void Add(KeyValuePair<string, JsonElement> item) => Add(item.Key, item.Value);

    /// <inheritdoc/>
    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
    }

    /// <inheritdoc/>
    public bool Contains(KeyValuePair<string, JsonElement> item) =>
        TryGetValue(item.Key, out var value) && JsonElement.DeepEquals(value, item.Value);

    /// <inheritdoc cref="IDictionary{TKey, TValue}.ContainsKey"/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public void CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        if (array.Length - arrayIndex < _count)
        {
            throw new ArgumentException("The array is too small.", nameof(array));
        }

        for (var index = 0; index < _count; index++)
        {
            array[arrayIndex + index] = new(_entries[index].Name, ElementAt(index));
        }
    }

    /// <inheritdoc/>
    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        Array.Copy(_entries, index + 1, _entries, index, _count - index - 1);
        _entries[--_count] = default;
        return true;
    }

    /// <inheritdoc/>
    public bool Remove(KeyValuePair<string, JsonElement> item) => Contains(item) && Remove(item.Key);

    /// <inheritdoc cref="IDictionary{TKey, TValue}.TryGetValue"/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? ElementAt(index) : default;
        return index >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator()
    {
        for (var index = 0; index < _count; index++)
        {
            yield return new(_entries[index].Name, ElementAt(index));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Set(string name, byte[]? raw, JsonElement element)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(name);
        if (index < 0)
        {
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(4, _count * 2));
            }

            index = _count++;
        }

        _entries[index] = new Entry(name, raw, element);
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var index = 0; index < _count; index++)
        {
            if (string.Equals(_entries[index].Name, name, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return -1;
    }

    // Parsed on first use and kept, so every read of one property gives the same element.
    private JsonElement ElementAt(int index)
    {
        ref var entry = ref _entries[index];
        if (entry.Raw is { } raw)
        {
            var reader = new Utf8JsonReader(raw);
            reader.Read();
            entry = new Entry(entry.Name, null, JsonElement.ParseValue(ref reader));
        }

        return entry.Element;
    }

    // The value's bytes as written in the source, escapes included, so writing them back changes nothing; a
    // string's ValueSpan lacks its quotes, which are put back.
    private static byte[] RawValue(ref Utf8JsonReader reader, bool quoted)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var quotes = quoted ? 1 : 0;
        var raw = new byte[length + 2 * quotes];
        var destination = raw.AsSpan(quotes, length);
        if (reader.HasValueSequence)
        {
            System.Buffers.BuffersExtensions.CopyTo(reader.ValueSequence, destination);
        }
        else
        {
            reader.ValueSpan.CopyTo(destination);
        }

        if (quoted)
        {
            raw[0] = (byte)'"';
            raw[^1] = (byte)'"';
        }

        return raw;
    }

    private readonly record struct Entry(string Name, byte[]? Raw, JsonElement Element);

    private readonly record struct OriginalText(string Name, byte[] Utf8Json, DateTimeOffset Value);
}
