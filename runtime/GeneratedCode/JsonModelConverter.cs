using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// The System.Text.Json converter of every generated type (named by its <c>[JsonConverter]</c> attribute and
/// listed by <c>DatadogJson.Options</c>): it hands the reader and writer to the type's own generated code, so
/// JsonSerializer needs no reflection.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonModelConverter<T> : JsonConverter<T>, IJsonModelConverter
    where T : IJsonValue<T>
{
    Type IJsonModelConverter.ModelType => typeof(T);

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonModel.Write(writer, value);

    JsonTypeInfo IJsonModelConverter.CreateTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<T>(options, this);

    // Lists and maps of the type are built here, where T is known statically, so NativeAOT needs no
    // MakeGenericType: a generated method may take or return them (SubmitLog takes a list of log items).
    JsonTypeInfo IJsonModelConverter.CreateListTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<List<T>>(options, new JsonListConverter<T>(JsonValue<T>.ReadNullable, JsonValue<T>.Write));

    JsonTypeInfo IJsonModelConverter.CreateMapTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<Dictionary<string, T>>(options, new JsonMapConverter<T>(JsonValue<T>.ReadNullable, JsonValue<T>.Write));
}

/// <summary>What <see cref="JsonModelTypeInfoResolver"/> needs of a converter without knowing its type argument.</summary>
internal interface IJsonModelConverter
{
    Type ModelType { get; }

    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);

    JsonTypeInfo CreateListTypeInfo(JsonSerializerOptions options);

    JsonTypeInfo CreateMapTypeInfo(JsonSerializerOptions options);
}
