using System;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// The C# that reads or writes one value of a <see cref="TypeRef"/> with Utf8JsonReader/Utf8JsonWriter.
/// Collections nest through static lambdas, so any depth of arrays and maps is one expression.
/// </summary>
internal static class JsonExpressions
{
    private const string Runtime = "global::DatadogGen.";
    private const string ReaderType = "global::System.Text.Json.Utf8JsonReader";
    private const string NullToken = "global::System.Text.Json.JsonTokenType.Null";

    /// <summary>An expression reading a non-null value at the reader's current token.</summary>
    public static string Read(TypeRef type, string reader) => type.Kind switch
    {
        TypeKind.String => reader + ".GetString()!",
        TypeKind.Boolean => reader + ".GetBoolean()",
        TypeKind.Int32 => reader + ".GetInt32()",
        TypeKind.Int64 => reader + ".GetInt64()",
        TypeKind.Single => reader + ".GetSingle()",
        TypeKind.Double => reader + ".GetDouble()",
        TypeKind.DateTimeOffset => Runtime + "GeneratedCode.JsonPrimitives.ReadDateTimeOffset(ref " + reader + ")",
        TypeKind.DateOnly => Runtime + "GeneratedCode.JsonPrimitives.ReadDateOnly(ref " + reader + ")",
        TypeKind.Guid => reader + ".GetGuid()",
        TypeKind.Any => "global::System.Text.Json.JsonElement.ParseValue(ref " + reader + ")",
        TypeKind.Array => Runtime + "GeneratedCode.JsonCollections.ReadList<" + ElementType(type) + ">(ref " + reader + ", " + ElementReader(type) + ")",
        TypeKind.Map => Runtime + "GeneratedCode.JsonCollections.ReadMap<" + ElementType(type) + ">(ref " + reader + ", " + ElementReader(type) + ")",
        _ => Runtime + "GeneratedCode.JsonModel.Read<" + TypeNames.CSharp(type) + ">(ref " + reader + ")",
    };

    /// <summary>A statement writing the non-null value <paramref name="value"/>.</summary>
    public static string Write(TypeRef type, string writer, string value) => type.Kind switch
    {
        TypeKind.String or TypeKind.Guid => writer + ".WriteStringValue(" + value + ");",
        TypeKind.DateTimeOffset => Runtime + "GeneratedCode.JsonPrimitives.WriteDateTimeOffset(" + writer + ", " + value + ");",
        TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double => writer + ".WriteNumberValue(" + value + ");",
        TypeKind.DateOnly => Runtime + "GeneratedCode.JsonPrimitives.WriteDateOnly(" + writer + ", " + value + ");",
        TypeKind.Any => value + ".WriteTo(" + writer + ");",
        TypeKind.Array => Runtime + "GeneratedCode.JsonCollections.WriteList(" + writer + ", " + value + ", " + ElementWriter(type) + ");",
        TypeKind.Map => Runtime + "GeneratedCode.JsonCollections.WriteMap(" + writer + ", " + value + ", " + ElementWriter(type) + ");",
        _ => Runtime + "GeneratedCode.JsonModel.Write<" + TypeNames.CSharp(type) + ">(" + writer + ", " + value + ");",
    };

    /// <summary>A JsonValueReader delegate for the type: the runtime's cached one for a generated type, else a static lambda.</summary>
    public static string Reader(TypeRef type) => type.Kind is TypeKind.Model or TypeKind.Enum or TypeKind.Union
        ? Runtime + "GeneratedCode.JsonValue<" + TypeNames.CSharp(type) + ">.Read"
        : "static (ref " + ReaderType + " reader) => " + Read(type, "reader");

    /// <summary>
    /// The JsonTokenKinds a reader of the type accepts as a value's first token (null aside); every kind where
    /// the reader itself decides (unions, JsonElement, enums whose wire type the reference does not say).
    /// </summary>
    public static string TokenKinds(TypeRef type) => Runtime + "GeneratedCode.JsonTokenKinds." + type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Guid => "String",
        TypeKind.Boolean => "Boolean",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double => "Number",
        TypeKind.Model or TypeKind.Map => "Object",
        TypeKind.Array => "Array",
        _ => "Any",
    };

    /// <summary>An expression that is true when a value holds an enum value or union the spec does not know.</summary>
    public static string? UnknownCheck(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.Enum => "!" + value + ".IsKnown",
        TypeKind.Model => value + ".IsUnparsed",
        TypeKind.Union => "((" + Runtime + "IJsonModel)" + value + ").IsUnparsed",
        TypeKind.Array or TypeKind.Map when UnknownCheck(type.Element!, value) is not null => Runtime + "GeneratedCode.JsonUnknown.Contains(" + value + ")",
        _ => null,
    };

    private static string ElementType(TypeRef collection) =>
        TypeNames.CSharp(collection.Element ?? throw new InvalidOperationException("A collection needs an element type."), collection.ElementIsNullable);

    private static string ElementReader(TypeRef collection)
    {
        var element = collection.Element!;
        if (element.Kind == TypeKind.Any && !collection.ElementIsNullable)
        {
            // A JsonElement holds JSON null itself; turning it into default(JsonElement) would lose it.
            return "static (ref " + ReaderType + " r) => " + Read(element, "r");
        }

        var nullValue = collection.ElementIsNullable ? "default(" + ElementType(collection) + ")" : "default(" + ElementType(collection) + ")!";
        return "static (ref " + ReaderType + " r) => r.TokenType == " + NullToken + " ? " + nullValue + " : " + Read(element, "r");
    }

    private static string ElementWriter(TypeRef collection)
    {
        var element = collection.Element ?? throw new InvalidOperationException("A collection needs an element type.");
        var elementType = TypeNames.CSharp(element, collection.ElementIsNullable);
        // One recursive call per level: nested collections nest their writers, and two calls would double per level.
        return element.IsValueType && !collection.ElementIsNullable
            ? "static (global::System.Text.Json.Utf8JsonWriter w, " + elementType + " item) => " + Write(element, "w", "item").TrimEnd(';')
            : "static (global::System.Text.Json.Utf8JsonWriter w, " + elementType + " item) => { if (item is { } value) { " + Write(element, "w", "value") + " } else { w.WriteNullValue(); } }";
    }
}
