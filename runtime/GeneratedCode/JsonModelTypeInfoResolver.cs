using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// Resolves JSON metadata for generated types from their generated converters: what makes
/// <c>DatadogJson</c> (a <see cref="DatadogJsonContext"/>) work with JsonSerializer under NativeAOT, where
/// reflection metadata is absent.
/// </summary>
internal sealed class JsonModelTypeInfoResolver : IJsonTypeInfoResolver
{
    private readonly Dictionary<Type, IJsonModelConverter> _converters = [];

    public JsonModelTypeInfoResolver(IEnumerable<JsonConverter> converters)
    {
        foreach (var converter in converters)
        {
            if (converter is IJsonModelConverter model)
            {
                _converters[model.ModelType] = model;
            }
        }
    }

    /// <inheritdoc/>
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (_converters.TryGetValue(type, out var converter))
        {
            return converter.CreateTypeInfo(options);
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(List<>) && _converters.TryGetValue(arguments[0], out var item))
            {
                return item.CreateListTypeInfo(options);
            }

            if (definition == typeof(Dictionary<,>) && arguments[0] == typeof(string) && _converters.TryGetValue(arguments[1], out var value))
            {
                return value.CreateMapTypeInfo(options);
            }
        }

        // Bodies and results that hold no generated type (raw JSON, a map of it, strings).
        return ((IJsonTypeInfoResolver)BuiltInJsonTypes.Default).GetTypeInfo(type, options);
    }
}

/// <summary>
/// The types without a generated converter that a generated method may take or return, resolved by
/// System.Text.Json's own source generator so they need no reflection either.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class BuiltInJsonTypes : JsonSerializerContext;
