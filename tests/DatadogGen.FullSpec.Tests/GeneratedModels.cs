#if DATADOG_SHARED_SPEC
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DatadogGen.FullSpec.Tests.V2;
using Microsoft.OpenApi.Models;

namespace DatadogGen.FullSpec.Tests;

/// <summary>The code generated from the real spec, reached by component name: types, JSON and unknown values.</summary>
internal static class GeneratedModels
{
    public const string Namespace = "DatadogGen.FullSpec.Tests.V2";

    public static Assembly Assembly => typeof(DatadogJson).Assembly;

    /// <summary>The generated type for a component schema (the generator keeps component names as type names).</summary>
    public static Type? Find(string componentName) =>
        Assembly.GetType(Namespace + "." + componentName)
        ?? Assembly.GetType(Namespace + "." + new string([.. componentName.Where(char.IsLetterOrDigit)]));

    /// <summary>The component a body schema refers to, or null for an inline schema.</summary>
    public static string? ComponentName(OpenApiSchema? schema) => schema?.Reference?.Id;

    public static JsonTypeInfo TypeInfo(Type type) => DatadogJson.Options.GetTypeInfo(type);

    public static object Deserialize(string json, Type type) =>
        JsonSerializer.Deserialize(json, TypeInfo(type)) ?? throw new JsonException($"{type.Name}: the JSON was null");

    public static string Serialize(object value) => JsonSerializer.Serialize(value, TypeInfo(value.GetType()));

    /// <summary>What a generated model, union or enum says of itself: <c>IJsonModel.IsUnparsed</c>, which for a union includes the variant it holds.</summary>
    public static bool ContainsUnknownValues(object value) =>
        value is DatadogGen.IJsonModel model ? model.IsUnparsed : throw new ArgumentException($"{value.GetType().FullName} is not a generated type.", nameof(value));

    /// <summary>Everything in an object graph that the spec does not describe, each with its JSON-ish path.</summary>
    public static UnknownValues FindUnknownValues(object root)
    {
        var found = new UnknownValues();
        Walk(root, "$", found);
        return found;
    }

    private static void Walk(object? value, string path, UnknownValues found)
    {
        switch (value)
        {
            case null or string or JsonElement:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Walk(entry.Value, $"{path}.{entry.Key}", found);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{index++}]", found);
                }

                return;
        }

        var type = value.GetType();
        if (type.Namespace != Namespace)
        {
            return;
        }

        if (type.GetProperty("UnparsedObject") is { } unparsedObject)
        {
            if ((bool)type.GetProperty("IsUnparsed")!.GetValue(value)!)
            {
                var raw = (JsonElement?)unparsedObject.GetValue(value);
                found.UnparsedUnions.Add(new UnknownValue(path, type.Name, raw?.GetRawText() ?? "null"));
            }
            else
            {
                Walk(type.GetProperty("Value")!.GetValue(value), path, found);
            }

            return;
        }

        if (type.IsValueType && type.GetProperty("IsKnown") is { } isKnown)
        {
            if (!(bool)isKnown.GetValue(value)!)
            {
                found.UnknownEnumValues.Add(new UnknownValue(path, type.Name, value.ToString() ?? ""));
            }

            return;
        }

        var explainedBefore = found.Explained;
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == nameof(IJsonModel.IsUnparsed))
            {
                continue;
            }

            var propertyValue = property.GetValue(value);
            if (property.Name == "AdditionalProperties" && propertyValue is IDictionary<string, JsonElement> extra)
            {
                found.AdditionalProperties.AddRange(extra.Select(e => new UnknownValue($"{path}.{e.Key}", type.Name, e.Value.GetRawText())));
                continue;
            }

            Walk(propertyValue, $"{path}.{property.Name}", found);
        }

        // Unparsed with nothing inside to blame: this object's own JSON bent the spec.
        if (value is IJsonModel { IsUnparsed: true } && found.Explained == explainedBefore)
        {
            found.BentModels.Add(new UnknownValue(path, type.Name, Serialize(value)));
        }
    }
}

/// <summary>A value the spec does not describe: where it is, in which generated type, and its JSON.</summary>
internal sealed record UnknownValue(string Path, string TypeName, string Json)
{
    public override string ToString() => $"{Path} ({TypeName}): {Shorten(Json)}";

    private static string Shorten(string json) => json.Length <= 200 ? json : json[..200] + "…";
}

internal sealed class UnknownValues
{
    /// <summary>oneOf/anyOf values no variant matched (IsUnparsed).</summary>
    public List<UnknownValue> UnparsedUnions { get; } = [];

    /// <summary>Enum values the spec does not list (IsKnown == false).</summary>
    public List<UnknownValue> UnknownEnumValues { get; } = [];

    /// <summary>Properties the spec does not describe, kept in AdditionalProperties.</summary>
    public List<UnknownValue> AdditionalProperties { get; } = [];

    /// <summary>
    /// Models whose own JSON bent the spec (IsUnparsed): a required property missing, or a value of another JSON
    /// type, kept raw with the additional properties.
    /// </summary>
    public List<UnknownValue> BentModels { get; } = [];

    /// <summary>How many findings make an enclosing object unparsed.</summary>
    public int Explained => UnparsedUnions.Count + UnknownEnumValues.Count + BentModels.Count;
}
#endif
