namespace DatadogGen.Generator.Model;

/// <summary>How a value is typed in C# and read or written as JSON.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    DateTimeOffset,
    DateOnly,
    Guid,
    Any,
    Model,
    Enum,
    Union,
    Array,
    Map,
}

/// <summary>
/// A reference to a type: a primitive, a generated type by name (in <see cref="Namespace"/>), or a collection of
/// <see cref="Element"/>.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string Name, string Namespace, TypeRef? Element, bool ElementIsNullable)
{
    public static TypeRef Primitive(TypeKind kind) => new(kind, string.Empty, string.Empty, null, false);

    public static TypeRef Generated(TypeKind kind, string name, string ns) => new(kind, name, ns, null, false);

    public static TypeRef Collection(TypeKind kind, TypeRef element, bool elementIsNullable) => new(kind, string.Empty, string.Empty, element, elementIsNullable);

    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single
        or TypeKind.Double or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Guid or TypeKind.Enum or TypeKind.Any;
}
