using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DatadogGen;

/// <summary>
/// Resolves JSON metadata for generated types from their generated converters: what makes
/// <c>DatadogJson.Options</c> work with JsonSerializer under NativeAOT, where reflection metadata is absent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonModelTypeInfoResolver : IJsonTypeInfoResolver
{
    private readonly Dictionary<Type, IJsonModelConverter> _converters = [];

    private JsonModelTypeInfoResolver(IEnumerable<JsonConverter> converters)
    {
        foreach (var converter in converters)
        {
            if (converter is IJsonModelConverter model)
            {
                _converters[model.ModelType] = model;
            }
        }
    }

    /// <summary>Read-only options whose resolver knows the given generated converters.</summary>
    /// <param name="converters">One converter per generated type.</param>
    /// <returns>The options.</returns>
    public static JsonSerializerOptions CreateOptions(IEnumerable<JsonConverter> converters)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new JsonModelTypeInfoResolver(converters) };
        options.MakeReadOnly();
        return options;
    }

    /// <inheritdoc/>
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        _converters.TryGetValue(type, out var converter) ? converter.CreateTypeInfo(options) : null;
}
