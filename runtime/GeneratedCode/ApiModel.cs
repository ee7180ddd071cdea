using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// The base of every generated model. What all models do alike lives here once: the property loop of reading
/// and writing, which properties were set (absent stays absent, null stays null), the properties the spec does
/// not describe, and the tolerance for responses that bend the spec. A generated model adds its fields, its
/// properties, a <c>switch</c> to read a property by index and a run of statements to write the set ones.
/// Datadog's v2 spec has about 3,800 models, and the compiler compiles each of them in every build of a user's
/// project, so the less each one repeats, the faster that build.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiModel : IJsonModel
{
    // Two fields only: a model object is no larger than one that held its presence bits and bag itself. The top
    // bit of _presence says a value read inside the object is unknown to the spec; the first 63 properties have
    // their bits here, the rest in the bag (few models have more).
    private const int InlineBits = 63;
    private const ulong UnknownValuesBit = 1UL << InlineBits;

    private ulong _presence;
    private AdditionalPropertyBag? _additionalProperties;

    /// <summary>Properties the spec does not describe, kept so they are written back unchanged.</summary>
    public IDictionary<string, JsonElement> AdditionalProperties => _additionalProperties ??= new();

    /// <summary>
    /// True when the object as read, or a value inside it, is not what the spec promised: a required property was
    /// missing, a property held another JSON type (its raw value is kept with the additional properties and written
    /// back), an enum value is one the spec does not list, or a union matched none of its variants.
    /// </summary>
    public bool IsUnparsed =>
        (_presence & UnknownValuesBit) != 0
        || _additionalProperties is { HasMismatches: true }
        || !JsonShape.HasAllRequired(_presence & ~UnknownValuesBit, _additionalProperties?.MorePresence);

    /// <summary>The model's properties: JSON names, token kinds, which are required.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract JsonShape JsonShape { get; }

    /// <summary>Reads the property at <paramref name="index"/> from a non-null value.</summary>
    /// <param name="index">The property's index in <see cref="JsonShape"/>.</param>
    /// <param name="reader">The reader, on the value's first token.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract void ReadProperty(int index, ref Utf8JsonReader reader);

    /// <summary>
    /// Writes the properties that were set, name and value, in the shape's order: one straight run of writer calls
    /// per model, as System.Text.Json's own generated code writes, rather than a call per property.
    /// </summary>
    /// <param name="writer">The writer.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract void WriteProperties(Utf8JsonWriter writer);

    /// <summary>Whether the property at <paramref name="index"/> was set (to a value or to null).</summary>
    /// <param name="index">The property's index in <see cref="JsonShape"/>.</param>
    /// <returns>True when set.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool IsSet(int index) =>
        (uint)index < InlineBits ? (_presence & (1UL << index)) != 0 : IsSetPastInline(index);

    private bool IsSetPastInline(int index) =>
        _additionalProperties?.MorePresence is { } words && (words[(index - InlineBits) / 64] & (1UL << ((index - InlineBits) % 64))) != 0;

    /// <summary>Marks a property as set, so it is written (as null when it holds null).</summary>
    /// <param name="index">The property's index.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void MarkPresent(int index)
    {
        if ((uint)index < InlineBits)
        {
            _presence |= 1UL << index;
        }
        else
        {
            MarkPresentPastInline(index);
        }
    }

    private void MarkPresentPastInline(int index)
    {
        var bag = _additionalProperties ??= new();
        var words = bag.MorePresence ??= new ulong[(JsonShape.Count - InlineBits + 63) / 64];
        words[(index - InlineBits) / 64] |= 1UL << ((index - InlineBits) % 64);
    }

    /// <summary>Reads the object at the reader into this fresh instance.</summary>
    /// <param name="reader">The reader, on '{'.</param>
    /// <param name="shape">The model's <see cref="JsonShape"/>, passed so the hot path makes no virtual call for it.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void ReadObject(ref Utf8JsonReader reader, JsonShape shape)
    {
        JsonPrimitives.ExpectStartObject(ref reader, shape.TypeName);
        var previous = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var expected = shape.ExpectedAfter(previous);
            var index = shape.IndexOf(ref reader, expected);
            if (index < 0)
            {
                var name = reader.GetString()!;
                reader.Read();
                (_additionalProperties ??= new()).Read(name, ref reader);
                continue;
            }

            if (index != expected)
            {
                shape.LearnOrder(previous, index);
            }

            previous = index;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null || ReadPropertyValue(index, ref reader, shape.Property(index)))
            {
                MarkPresent(index);
            }
        }

        // Settled once here, so a parent asks one bit instead of checking this object again (IsUnparsedAsRead).
        if (_additionalProperties is { HasMismatches: true } || !shape.HasAllRequired(_presence, _additionalProperties?.MorePresence))
        {
            _presence |= UnknownValuesBit;
        }
    }

    // A response that bends the spec (a number where it says string, a date-time that is not one) must not cost
    // the whole body: the value is kept raw, the typed property stays absent, and IsUnparsed says so. A value of
    // the wrong token kind is caught before reading. A value whose reader parses further (numbers, date-times,
    // enums) may still be rejected; on one token, the reader has not moved when it throws, so only a list or map
    // needs a copy of the reader to go back to, which is too costly (a couple of hundred bytes) to make every time.
    private bool ReadPropertyValue(int index, ref Utf8JsonReader reader, in JsonPropertyShape property)
    {
        if (!JsonShape.Allows(property.Kinds, reader.TokenType))
        {
            return KeepMismatch(property.Name, ref reader);
        }

        if (!property.MayReject)
        {
            ReadProperty(index, ref reader);
            return true;
        }

        var rewind = reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject;
        var start = rewind ? reader : default;
        try
        {
            ReadProperty(index, ref reader);
            return true;
        }
        catch (Exception exception) when (JsonPrimitives.IsRejection(exception))
        {
            if (rewind)
            {
                reader = start;
            }

            return KeepMismatch(property.Name, ref reader);
        }
    }

    private bool KeepMismatch(string name, ref Utf8JsonReader reader)
    {
        (_additionalProperties ??= new()).ReadMismatch(name, ref reader);
        return false;
    }

    /// <summary>Writes this object: the properties that were set, then the ones the spec does not describe.</summary>
    /// <param name="writer">The writer.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal void WriteObject(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteMembers(writer);
        writer.WriteEndObject();
    }

    // A nested model: its property name and '{' in one writer call, as System.Text.Json's own generated code
    // writes them.
    private void WriteObject(Utf8JsonWriter writer, JsonEncodedText name)
    {
        writer.WriteStartObject(name);
        WriteMembers(writer);
        writer.WriteEndObject();
    }

    private void WriteMembers(Utf8JsonWriter writer)
    {
        WriteProperties(writer);
        _additionalProperties?.WriteTo(writer);
    }

    /// <summary>Reads a generated model, enum or union, and notes when it is not what the spec promised.</summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="reader">The reader, on a non-null value.</param>
    /// <returns>The value.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected T ReadValue<T>(ref Utf8JsonReader reader)
        where T : IJsonValue<T>
    {
        var value = T.ReadJson(ref reader);
        if (IsUnparsedAsRead(value))
        {
            NoteUnknownValue();
        }

        return value;
    }

    private void NoteUnknownValue() => _presence |= UnknownValuesBit;

    // A model just read has settled its own state into one bit; enums and unions answer IsUnparsed themselves.
    private static bool IsUnparsedAsRead<T>(T value)
        where T : IJsonValue<T> =>
        value is ApiModel model ? (model._presence & UnknownValuesBit) != 0 : value.IsUnparsed;

    /// <summary>Reads an array of generated values.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on '['.</param>
    /// <returns>The elements; a JSON null element is null (default).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected List<T> ReadList<T>(ref Utf8JsonReader reader)
        where T : IJsonValue<T>
    {
        var items = JsonCollections.ReadList(ref reader, JsonValue<T>.ReadNullable);
        foreach (var item in items)
        {
            if (item is not null && IsUnparsedAsRead(item))
            {
                NoteUnknownValue();
            }
        }

        return items;
    }

    /// <summary>Reads a map of generated values.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on '{'.</param>
    /// <returns>The entries; a JSON null value is null (default).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Dictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader)
        where T : IJsonValue<T>
    {
        var entries = JsonCollections.ReadMap(ref reader, JsonValue<T>.ReadNullable);
        foreach (var entry in entries)
        {
            if (entry.Value is { } value && IsUnparsedAsRead(value))
            {
                NoteUnknownValue();
            }
        }

        return entries;
    }

    /// <summary>Reads an array of strings.</summary>
    /// <param name="reader">The reader, on '['.</param>
    /// <returns>The elements.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static List<string> ReadStringList(ref Utf8JsonReader reader) => JsonCollections.ReadList(ref reader, JsonPrimitives.ReadNullableString);

    /// <summary>Reads a map of strings.</summary>
    /// <param name="reader">The reader, on '{'.</param>
    /// <returns>The entries.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static Dictionary<string, string> ReadStringMap(ref Utf8JsonReader reader) => JsonCollections.ReadMap(ref reader, JsonPrimitives.ReadNullableString);

    /// <summary>Reads a map of raw JSON values.</summary>
    /// <param name="reader">The reader, on '{'.</param>
    /// <returns>The entries; JSON null stays a JsonElement of kind Null.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static Dictionary<string, JsonElement> ReadAnyMap(ref Utf8JsonReader reader) => JsonCollections.ReadMap(ref reader, JsonPrimitives.ReadElement);

    /// <summary>Reads any JSON value as it is.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>The value.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static JsonElement ReadAny(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a full-date (yyyy-MM-dd).</summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <returns>The date.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static DateOnly ReadDate(ref Utf8JsonReader reader) => JsonPrimitives.ReadDateOnly(ref reader);

    /// <summary>
    /// Reads a date-time property. Text the client would not write the same way (<c>.000Z</c>, nine digits) is
    /// kept, so a value read and sent back unchanged goes out exactly as it came: servers compare such text as written.
    /// </summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <param name="index">The property's index.</param>
    /// <returns>The instant.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected DateTimeOffset ReadDateTime(ref Utf8JsonReader reader, int index) =>
        JsonPrimitives.ReadDateTimeOffset(ref reader, ref _additionalProperties, JsonShape.Property(index).Name);

    /// <summary>Writes a generated model or union, or null.</summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteValue<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value)
        where T : class, IJsonValue<T>
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else if (value is ApiModel model)
        {
            // One virtual call instead of the static abstract call that shared generic code looks up at run time.
            model.WriteObject(writer, name);
        }
        else
        {
            writer.WritePropertyName(name);
            T.WriteJson(writer, value);
        }
    }

    /// <summary>Writes a generated enum, or null.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteEnum<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value)
        where T : struct, IJsonValue<T>
    {
        if (value is { } present)
        {
            writer.WritePropertyName(name);
            T.WriteJson(writer, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an array of generated values, or null.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="items">The elements.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, List<T>? items)
        where T : IJsonValue<T>
    {
        if (items is null)
        {
            writer.WriteNull(name);
            return;
        }

        // The name and '[' in one writer call, and no delegate per element (JsonCollections.WriteList takes one):
        // a list of models is the common case of a Datadog body.
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonModel.Write(writer, item);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map of generated values, or null.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="entries">The entries.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteMap<T>(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, T>? entries)
        where T : IJsonValue<T>
    {
        if (entries is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        JsonCollections.WriteMap(writer, entries, JsonValue<T>.WriteNullable);
    }

    /// <summary>Writes an array of strings, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="items">The elements.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteStringList(Utf8JsonWriter writer, JsonEncodedText name, List<string>? items)
    {
        if (items is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        JsonCollections.WriteList(writer, items, JsonPrimitives.WriteNullableString);
    }

    /// <summary>Writes a map of strings, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="entries">The entries.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteStringMap(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, string>? entries)
    {
        if (entries is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        JsonCollections.WriteMap(writer, entries, JsonPrimitives.WriteNullableString);
    }

    /// <summary>Writes a map of raw JSON values, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="entries">The entries.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteAnyMap(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, JsonElement>? entries)
    {
        if (entries is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        JsonCollections.WriteMap(writer, entries, JsonPrimitives.WriteElement);
    }

    /// <summary>Writes a raw JSON value, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteAny(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is { } present)
        {
            writer.WritePropertyName(name);
            present.WriteTo(writer);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a boolean, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } present)
        {
            writer.WriteBoolean(name, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a 32-bit integer, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteInt32(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } present)
        {
            writer.WriteNumber(name, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a 64-bit integer, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteInt64(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } present)
        {
            writer.WriteNumber(name, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a single-precision number, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteSingle(Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        if (value is { } present)
        {
            writer.WriteNumber(name, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a double-precision number, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } present)
        {
            writer.WriteNumber(name, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a GUID, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteGuid(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is { } present)
        {
            writer.WriteString(name, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a full-date (yyyy-MM-dd), or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        if (value is { } present)
        {
            writer.WritePropertyName(name);
            JsonPrimitives.WriteDateOnly(writer, present);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a date-time property: the text it was read from if the value is unchanged, else as parameters are written.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } present)
        {
            writer.WritePropertyName(name);
            JsonPrimitives.WriteDateTimeOffset(writer, present, _additionalProperties, name.Value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
