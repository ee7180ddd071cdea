using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DatadogGen;

/// <summary>
/// The System.Text.Json converter behind every generated type: it hands the reader and writer to the
/// type's own generated code, so JsonSerializer with DatadogJson.Options needs no reflection.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonModelConverter<T> : JsonConverter<T>, IJsonModelConverter
{
    private readonly JsonValueReader<T> _read;
    private readonly JsonValueWriter<T> _write;

    /// <summary>Creates the converter over generated code.</summary>
    /// <param name="read">Reads a value at its first token.</param>
    /// <param name="write">Writes a non-null value.</param>
    protected JsonModelConverter(JsonValueReader<T> read, JsonValueWriter<T> write)
    {
        _read = read;
        _write = write;
    }

    Type IJsonModelConverter.ModelType => typeof(T);

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);

    JsonTypeInfo IJsonModelConverter.CreateTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<T>(options, this);

    // Lists and maps of the type are built here, where T is known statically, so NativeAOT needs no
    // MakeGenericType: a generated method may take or return them (SubmitLog takes a list of log items).
    JsonTypeInfo IJsonModelConverter.CreateListTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<List<T>>(options, new JsonListConverter<T>(ReadNullable, _write));

    JsonTypeInfo IJsonModelConverter.CreateMapTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<Dictionary<string, T>>(options, new JsonMapConverter<T>(ReadNullable, _write));

    private T ReadNullable(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? default! : _read(ref reader);
}

/// <summary>What <see cref="JsonModelTypeInfoResolver"/> needs of a converter without knowing its type argument.</summary>
internal interface IJsonModelConverter
{
    Type ModelType { get; }

    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);

    JsonTypeInfo CreateListTypeInfo(JsonSerializerOptions options);

    JsonTypeInfo CreateMapTypeInfo(JsonSerializerOptions options);
}
