namespace DatadogGen.Generator.Model;

/// <summary>One property of a model. <see cref="Index"/> numbers the optional properties for presence tracking.</summary>
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
