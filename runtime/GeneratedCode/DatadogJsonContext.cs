using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// The base of each generated <c>DatadogJson</c>: a <see cref="JsonSerializerContext"/> whose metadata comes from
/// the generated types' own readers and writers (<see cref="JsonModelConverter{T}"/>), so
/// <c>JsonSerializer.Serialize(value, DatadogJson.Default.Attachment)</c> needs no reflection and no options lookup.
/// It is also a resolver for options of your own (<c>TypeInfoResolver = DatadogJson.Default</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class DatadogJsonContext : JsonSerializerContext, IJsonTypeInfoResolver
{
    private readonly JsonModelTypeInfoResolver _resolver;

    /// <summary>Creates the context over one converter per generated type; its options are read-only.</summary>
    /// <param name="converters">The generated types' converters.</param>
    protected DatadogJsonContext(JsonConverter[] converters)
        : base(new JsonSerializerOptions())
    {
        _resolver = new JsonModelTypeInfoResolver(converters);
        Options.MakeReadOnly();
    }

    /// <inheritdoc/>
    protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

    /// <inheritdoc/>
    public override JsonTypeInfo? GetTypeInfo(Type type) => _resolver.GetTypeInfo(type, Options);

    // Options of the caller's own (another naming policy, indentation): metadata made for them.
    JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(Type type, JsonSerializerOptions options) => _resolver.GetTypeInfo(type, options);

    /// <summary>The metadata of <typeparamref name="T"/> for this context's options, made once and cached by them.</summary>
    /// <typeparam name="T">A generated type, or a list or string-keyed map of one.</typeparam>
    /// <returns>The metadata.</returns>
    protected JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
