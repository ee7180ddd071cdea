using System;
using System.Collections.Generic;
using System.Linq;
using DatadogGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>Questions about one schema's shape, answered without mapping anything.</summary>
internal static class SchemaShapes
{
    public static TypeKind Classify(OpenApiSchema schema)
    {
        if (schema.Enum.Count > 0 && schema.Type is "string" or "integer")
        {
            return TypeKind.Enum;
        }

        if (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0)
        {
            return TypeKind.Union;
        }

        if (schema.AllOf.Count > 0 || schema.Properties.Count > 0)
        {
            return TypeKind.Model;
        }

        return schema.Type switch
        {
            "object" => TypeKind.Map,
            "array" => TypeKind.Array,
            "boolean" => TypeKind.Boolean,
            "integer" => schema.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64,
            "number" => TypeKind.Double,
            "string" => schema.Format switch
            {
                "date-time" => TypeKind.DateTimeOffset,
                "date" => TypeKind.DateOnly,
                "uuid" => TypeKind.Guid,
                _ => TypeKind.String,
            },
            _ => schema.Items is not null ? TypeKind.Array : TypeKind.Any,
        };
    }

    /// <summary>The schema of a map's values: typed additionalProperties, or any JSON for an open object.</summary>
    public static OpenApiSchema? MapValues(OpenApiSchema schema) => schema.AdditionalProperties;

    /// <summary>Own properties plus those of every allOf part, in document order, first definition winning.</summary>
    public static IEnumerable<(string JsonName, OpenApiSchema Schema, bool IsRequired)> CollectProperties(OpenApiSchema schema)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<KeyValuePair<string, OpenApiSchema>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, required, properties, seen, new HashSet<OpenApiSchema>());
        return properties.Select(property => (property.Key, property.Value, required.Contains(property.Key)));
    }

    public static IEnumerable<string> DiscriminatorValuesFor(OpenApiSchema union, OpenApiSchema? variant)
    {
        var discriminator = union.Discriminator;
        // A oneOf entry whose $ref the reader could not resolve at all ("#/components/schemas/") is null.
        var variantId = variant?.Reference?.Id;
        if (discriminator is null || variantId is null)
        {
            return Enumerable.Empty<string>();
        }

        var mapped = discriminator.Mapping?
            .Where(entry => entry.Value.EndsWith("/" + variantId, StringComparison.Ordinal) || entry.Value == variantId)
            .Select(entry => entry.Key)
            .OrderBy(value => value, StringComparer.Ordinal)
            .ToList();
        return mapped is { Count: > 0 } ? mapped : new[] { variantId };
    }

    private static void Collect(
        OpenApiSchema schema,
        HashSet<string> required,
        List<KeyValuePair<string, OpenApiSchema>> properties,
        HashSet<string> seen,
        HashSet<OpenApiSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (var part in schema.AllOf)
        {
            Collect(part, required, properties, seen, visited);
        }

        required.UnionWith(schema.Required);
        foreach (var property in schema.Properties)
        {
            if (seen.Add(property.Key))
            {
                properties.Add(property);
            }
        }
    }
}
