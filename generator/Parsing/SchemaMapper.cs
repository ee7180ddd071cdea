using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DatadogGen.Generator.Diagnostics;
using DatadogGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// Where a schema becomes a type: maps each OpenAPI schema reached from the selected operations to a
/// <see cref="TypeRef"/>, and collects a <see cref="TypeSpec"/> for every model, enum and union it names.
/// Named types are queued before their members are mapped, so recursive schemas terminate.
/// </summary>
internal sealed class SchemaMapper
{
    private const int MaxAliasDepth = 64;
    private const int MaxUnionVariants = 64;

    private readonly string _namespace;
    private readonly DiagnosticSink _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<OpenApiSchema, TypeRef> _inlineTypes = new();
    private readonly HashSet<string> _aliasesInProgress = new(StringComparer.Ordinal);
    private readonly Queue<PendingType> _pending = new();
    private readonly List<TypeSpec> _types = new();
    private int _aliasDepth;

    public SchemaMapper(OpenApiComponents? components, string ns, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        _namespace = ns;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;

        // The names the emitters give their own types and namespace come first, then component names, so an
        // inline type can never take a schema's own name.
        _takenTypeNames.UnionWith(GeneratedTypeNames.Reserved);
        var componentIds = components?.Schemas?.Keys ?? Enumerable.Empty<string>();
        foreach (var id in componentIds.OrderBy(id => id, StringComparer.Ordinal))
        {
            _componentTypeNames[id] = UniqueTypeName(id, _takenTypeNames, diagnostics);
        }
    }

    /// <summary>Maps a schema; <paramref name="nameIfInline"/> names the type an inline object or enum becomes.</summary>
    public TypeRef Map(OpenApiSchema? schema, string nameIfInline)
    {
        if (schema is null)
        {
            return TypeRef.Primitive(TypeKind.Any);
        }

        if (schema.UnresolvedReference)
        {
            // SpecReader already reported the reference, once, where it is written.
            return TypeRef.Primitive(TypeKind.Any);
        }

        var componentId = schema.Reference?.Id;
        return componentId is not null && _componentTypeNames.ContainsKey(componentId)
            ? MapComponent(componentId, schema)
            : MapInline(schema, nameIfInline);
    }

    /// <summary>Claims a type name for an API class, unique among schemas and other generated types.</summary>
    public string ClaimApiClassName(string candidate, string tag) =>
        UniqueTypeName(candidate, _takenTypeNames, _diagnostics, tag);

    /// <summary>Maps every queued named type; returns all of them in ordinal order of name.</summary>
    public EquatableArray<TypeSpec> Complete()
    {
        while (_pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var pending = _pending.Dequeue();
            _types.Add(pending.Kind switch
            {
                TypeKind.Enum => EnumSpecBuilder.Build(pending.Name, pending.Schema, _diagnostics),
                TypeKind.Union => BuildUnion(pending.Name, pending.Schema),
                _ => BuildModel(pending.Name, pending.Schema),
            });
        }

        return MarkUnionVariants(_types).OrderBy(type => type.Name, StringComparer.Ordinal).ToEquatableArray();
    }

    // Only models a union must try get a shape check: emitting it for every model would bloat large specs.
    private static IEnumerable<TypeSpec> MarkUnionVariants(List<TypeSpec> types)
    {
        var variants = new HashSet<string>(
            types.OfType<UnionSpec>()
                .Where(union => union.DiscriminatorProperty is null)
                .SelectMany(union => union.Variants)
                .Where(variant => variant.Type.Kind == TypeKind.Model)
                .Select(variant => variant.Type.Name),
            StringComparer.Ordinal);
        return types.Select(type => type is ModelSpec model && variants.Contains(model.Name) ? model with { IsUnionVariant = true } : type);
    }

    private TypeRef MapComponent(string id, OpenApiSchema schema)
    {
        if (_componentTypes.TryGetValue(id, out var known))
        {
            return known;
        }

        var kind = SchemaShapes.Classify(schema);
        if (kind is TypeKind.Model or TypeKind.Enum or TypeKind.Union)
        {
            var named = TypeRef.Generated(kind, _componentTypeNames[id], _namespace);
            _componentTypes[id] = named;
            _pending.Enqueue(new PendingType(named.Name, kind, schema));
            return named;
        }

        // A component that is only an alias (a string, an array of X, a map) is inlined where it is used.
        if (!_aliasesInProgress.Add(id))
        {
            _diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, id + ":", id, "the schema is an alias of itself", "JsonElement");
            return TypeRef.Primitive(TypeKind.Any);
        }

        var alias = MapShape(schema, kind, _componentTypeNames[id]);
        _aliasesInProgress.Remove(id);
        _componentTypes[id] = alias;
        return alias;
    }

    private TypeRef MapInline(OpenApiSchema schema, string suggestedName)
    {
        if (_inlineTypes.TryGetValue(schema, out var known))
        {
            return known;
        }

        var kind = SchemaShapes.Classify(schema);
        if (kind is TypeKind.Model or TypeKind.Enum or TypeKind.Union)
        {
            var named = TypeRef.Generated(kind, Naming.MakeUnique(Naming.ToTypeName(suggestedName), _takenTypeNames), _namespace);
            _inlineTypes[schema] = named;
            _pending.Enqueue(new PendingType(named.Name, kind, schema));
            return named;
        }

        return MapShape(schema, kind, suggestedName);
    }

    /// <summary>Maps the schemas that do not become types of their own: primitives, arrays and maps.</summary>
    private TypeRef MapShape(OpenApiSchema schema, TypeKind kind, string name)
    {
        if (++_aliasDepth > MaxAliasDepth)
        {
            _aliasDepth--;
            _diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, name, name, $"nesting deeper than {MaxAliasDepth} levels", "JsonElement");
            return TypeRef.Primitive(TypeKind.Any);
        }

        try
        {
            return kind switch
            {
                TypeKind.Array => TypeRef.Collection(TypeKind.Array, Map(schema.Items, name + "Item"), schema.Items?.Nullable == true),
                TypeKind.Map => TypeRef.Collection(TypeKind.Map, Map(SchemaShapes.MapValues(schema), name + "Value"), SchemaShapes.MapValues(schema)?.Nullable == true),
                TypeKind.Model or TypeKind.Enum or TypeKind.Union => Map(schema, name),
                _ => TypeRef.Primitive(kind),
            };
        }
        finally
        {
            _aliasDepth--;
        }
    }

    private ModelSpec BuildModel(string name, OpenApiSchema schema)
    {
        var members = new MemberNameScope(ModelMemberNames.Reserved.Append(name), _diagnostics);
        var properties = new List<PropertySpec>();
        foreach (var (jsonName, propertySchema, isRequired) in SchemaShapes.CollectProperties(schema))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var propertyName = members.Claim("Property", name + "." + jsonName, jsonName, Naming.ToPascalCase(jsonName));
            var type = Map(propertySchema, name + Naming.ToPascalCase(jsonName));
            var fieldName = "_" + Naming.ToCamelCase(jsonName).TrimStart('@', '_');
            properties.Add(new PropertySpec(
                jsonName,
                propertyName,
                members.ClaimHidden(fieldName),
                propertySchema?.Description,
                type,
                isRequired,
                propertySchema?.Nullable == true,
                propertySchema?.Deprecated == true,
                propertySchema?.ReadOnly == true,
                properties.Count));
        }

        return new ModelSpec(name, schema.Description, schema.Deprecated, properties.ToEquatableArray());
    }

    private UnionSpec BuildUnion(string name, OpenApiSchema schema)
    {
        var options = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        var members = new MemberNameScope(UnionMemberNames.Reserved.Append(name), _diagnostics);
        var variants = new List<UnionVariantSpec>();
        var seenTypes = new HashSet<TypeRef>();
        for (var index = 0; index < options.Count; index++)
        {
            var type = Map(options[index], name + "Option" + (index + 1));
            if (!seenTypes.Add(type))
            {
                continue;
            }

            var variantName = TypeNames.Describe(type);
            var propertyName = members.Claim("Variant", name + "." + variantName, variantName, Naming.ToPascalCase(variantName));
            var discriminatorValues = SchemaShapes.DiscriminatorValuesFor(schema, options[index]);
            variants.Add(new UnionVariantSpec(propertyName, type, discriminatorValues.ToEquatableArray()));
        }

        // The runtime looks at a value for all of a union's variants at once, one bit each (JsonShape.Fits).
        if (variants.Count > MaxUnionVariants)
        {
            _diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, name, name, $"{variants.Count} variants, more than the {MaxUnionVariants} a union holds",
                $"a union of the first {MaxUnionVariants}; a value of another is kept as raw JSON and IsUnparsed is true");
            variants.RemoveRange(MaxUnionVariants, variants.Count - MaxUnionVariants);
        }

        return new UnionSpec(name, schema.Description, schema.Deprecated, schema.Discriminator?.PropertyName, variants.ToEquatableArray());
    }

    /// <summary>A schema's type name: kept when it is a valid identifier, else made one (DDG011), then unique (DDG010).</summary>
    private static string UniqueTypeName(string id, ISet<string> taken, DiagnosticSink diagnostics, string? tag = null)
    {
        var candidate = Naming.ToTypeName(id);
        var unique = Naming.MakeUnique(candidate, taken);
        var kind = tag is null ? "Schema" : "Tag";
        var specName = tag ?? id;
        if (unique != candidate)
        {
            diagnostics.ReportAt(DiagnosticDescriptors.NameCollision, specName, kind, specName, unique);
        }
        else if (tag is null && unique != id)
        {
            diagnostics.ReportAt(DiagnosticDescriptors.RenamedIdentifier, id, kind, id, unique);
        }

        return unique;
    }

    private readonly record struct PendingType(string Name, TypeKind Kind, OpenApiSchema Schema);
}
