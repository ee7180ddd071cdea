using System;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator;

/// <summary>The C# spelling of a <see cref="TypeRef"/>, and a short word for it to name union variants.</summary>
internal static class TypeNames
{
    public static string CSharp(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.DateOnly => "global::System.DateOnly",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Any => "global::System.Text.Json.JsonElement",
        TypeKind.Array => "global::System.Collections.Generic.List<" + Element(type) + ">",
        TypeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + Element(type) + ">",
        // Qualified, so a property named like its type (a "Unit" property of type Unit) cannot shadow it.
        _ => "global::" + type.Namespace + "." + type.Name,
    };

    /// <summary>The type as a property or parameter declares it; absent values need a nullable type.</summary>
    public static string CSharp(TypeRef type, bool nullable) => nullable ? CSharp(type) + "?" : CSharp(type);

    public static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "ListOf" + Describe(type.Element!),
        TypeKind.Map => "MapOf" + Describe(type.Element!),
        TypeKind.Any => "Json",
        TypeKind.Model or TypeKind.Enum or TypeKind.Union => type.Name.TrimStart('@'),
        _ => type.Kind.ToString(),
    };

    private static string Element(TypeRef collection) =>
        CSharp(collection.Element ?? throw new InvalidOperationException("A collection needs an element type."), collection.ElementIsNullable);
}
