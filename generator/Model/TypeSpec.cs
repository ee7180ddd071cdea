namespace DatadogGen.Generator.Model;

/// <summary>A generated type: a model class, an extensible enum or a oneOf union.</summary>
internal abstract record TypeSpec(string Name, string? Description, bool IsDeprecated);

/// <summary>
/// An object schema: a class with settable properties and a bag for unknown properties.
/// <see cref="IsUnionVariant"/> marks a variant of a union without discriminator, which gets a JSON shape check.
/// </summary>
internal sealed record ModelSpec(
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertySpec> Properties,
    bool IsUnionVariant = false)
    : TypeSpec(Name, Description, IsDeprecated);

/// <summary>An enum schema: a readonly struct whose unknown values survive a round trip.</summary>
internal sealed record EnumSpec(
    string Name,
    string? Description,
    bool IsDeprecated,
    bool IsInteger,
    EquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Name, Description, IsDeprecated);

internal sealed record EnumMemberSpec(string Name, string Value, string? Description);

/// <summary>A oneOf or anyOf schema: holds the variant that matched, or the raw JSON when none did.</summary>
internal sealed record UnionSpec(
    string Name,
    string? Description,
    bool IsDeprecated,
    string? DiscriminatorProperty,
    EquatableArray<UnionVariantSpec> Variants)
    : TypeSpec(Name, Description, IsDeprecated);

/// <summary>One variant of a union; <see cref="DiscriminatorValues"/> select it when the union has a discriminator.</summary>
internal sealed record UnionVariantSpec(string PropertyName, TypeRef Type, EquatableArray<string> DiscriminatorValues);
