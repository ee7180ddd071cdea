namespace DatadogGen.Generator.Model;

/// <summary>
/// One property of a model. <see cref="Index"/> is its presence bit: every property, required ones too, remembers
/// whether it was set, so a response that lacks a required property is written back without it.
/// </summary>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    string FieldName,
    string? Description,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    bool IsDeprecated,
    bool IsReadOnly,
    int Index);
