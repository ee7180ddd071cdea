using System.Globalization;
using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits a model class over the runtime's <c>ApiModel</c>, which holds everything models do alike: the property
/// loop, presence (absent stays absent, null stays null), unknown properties, tolerance for responses that bend the
/// spec. A model adds its fields and properties, its JSON shape (names, token kinds, required ones), a
/// <c>switch</c> to read a property by index and a run of statements to write the set ones: the least the compiler
/// has to bind per model, because it compiles all of them in every build of the user's project.
/// </summary>
internal static class ModelEmitter
{
    private const string Runtime = "global::DatadogGen.";
    private const string ReaderType = "global::System.Text.Json.Utf8JsonReader";
    private const string WriterType = "global::System.Text.Json.Utf8JsonWriter";

    /// <summary>The static field holding a model's <c>JsonShape</c>; no property or field name starts with two underscores.</summary>
    public const string ShapeField = "__shape";

    public static void Emit(SourceWriter writer, ModelSpec model, string accessibility)
    {
        XmlDocs.Summary(writer, model.Description, model.Name + " model.");
        TypeAttributes.Write(writer, model);
        using (writer.Block(accessibility + " partial class " + model.Name + " : " + Runtime + "GeneratedCode.ApiModel, " + Runtime + "GeneratedCode.IJsonValue<" + model.Name + ">"))
        {
            WriteShape(writer, model);
            WriteFields(writer, model);
            WriteReadingConstructor(writer, model);
            foreach (var property in model.Properties)
            {
                WriteProperty(writer, property);
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("protected override " + Runtime + "GeneratedCode.JsonShape JsonShape => " + ShapeField + ";");
            WriteReadProperty(writer, model);
            WriteWriteProperties(writer, model);
            var self = Runtime + "GeneratedCode.IJsonValue<" + model.Name + ">";
            var create = "new " + model.Name + (HasRequired(model) ? "(reading: true)" : "()");
            writer.Line("static " + model.Name + " " + self + ".ReadJson(ref " + ReaderType + " reader) { var value = " + create + "; value.ReadObject(ref reader, " + ShapeField + "); return value; }");
            writer.Line("static void " + self + ".WriteJson(" + WriterType + " writer, " + model.Name + " value) => value.WriteObject(writer);");
        }
    }

    // One descriptor per property ("name:kinds", "!" when required, "~" when its reader may reject a value of those
    // kinds), parsed once by the runtime: a string literal each is far less for the compiler than an object creation each.
    private static void WriteShape(SourceWriter writer, ModelSpec model)
    {
        var descriptors = model.Properties.Select(property => ", " + CSharpLiterals.Quote(property.JsonName + ":" + Kinds(property.Type) + (property.IsRequired ? "!" : "") + (MayReject(property.Type) ? "~" : "")));
        var knownValues = model.IsUnionVariant
            ? model.Properties.Where(property => property.Type.Kind == TypeKind.Enum)
                .Select(property => ".WithKnownValues(" + Index(property) + ", " + Runtime + "GeneratedCode.JsonValue<" + TypeNames.CSharp(property.Type) + ">.IsKnown)")
                .ToList()
            : [];
        var create = knownValues.Count == 0 ? "new(" : "new " + Runtime + "GeneratedCode.JsonShape(";
        writer.Line("internal static readonly " + Runtime + "GeneratedCode.JsonShape " + ShapeField + " = " + create + CSharpLiterals.Quote(model.Name.TrimStart('@')) + string.Concat(descriptors) + ")" + string.Concat(knownValues) + ";");
    }

    private static string Kinds(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Guid => "s",
        TypeKind.Boolean => "b",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double => "n",
        TypeKind.Model or TypeKind.Map => "o",
        TypeKind.Array => "a",
        _ => "*",
    };

    // Strings, booleans, models, unions and raw values are read whatever their content once the token kind fits
    // (models and unions keep what they cannot read themselves); the rest parse further and may throw.
    private static bool MayReject(TypeRef type) =>
        type.Kind is not (TypeKind.String or TypeKind.Boolean or TypeKind.Model or TypeKind.Union or TypeKind.Any);

    private static void WriteFields(SourceWriter writer, ModelSpec model)
    {
        foreach (var property in model.Properties)
        {
            // Required non-null references start as null! until an initializer or the reader sets them.
            var initializer = property.IsRequired && !property.IsNullable && !property.Type.IsValueType ? " = null!" : "";
            writer.Line("private " + DeclaredType(property) + " " + property.FieldName + initializer + ";");
        }

        writer.Line();
    }

    private static bool HasRequired(ModelSpec model) => model.Properties.Any(property => property.IsRequired);

    // Reading sets the members it finds; a required one it does not find stays unset, and IsUnparsed says so.
    private static void WriteReadingConstructor(SourceWriter writer, ModelSpec model)
    {
        if (!HasRequired(model))
        {
            return;
        }

        writer.Line("/// <summary>Creates an empty " + model.Name.TrimStart('@') + "; set its properties with an object initializer.</summary>");
        writer.Line("public " + model.Name + "() { }");
        writer.Line();
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        writer.Line("private " + model.Name + "(bool reading) { }");
        writer.Line();
    }

    private static void WriteProperty(SourceWriter writer, PropertySpec property)
    {
        XmlDocs.Summary(writer, property.Description, "The " + property.JsonName + " property.");
        if (property.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }

        var modifiers = property.IsRequired ? "public required " : "public ";
        writer.Line(modifiers + DeclaredType(property) + " " + property.Name + " { get => " + property.FieldName + "; set { " + property.FieldName + " = value; MarkPresent(" + Index(property) + "); } }");
    }

    private static void WriteReadProperty(SourceWriter writer, ModelSpec model)
    {
        writer.Line("/// <inheritdoc/>");
        using (writer.Block("protected override void ReadProperty(int index, ref " + ReaderType + " reader)"))
        {
            WriteSwitch(writer, model, property => property.FieldName + " = " + ReadValue(property) + ";");
        }
    }

    // One statement per property in a row, not a switch behind a loop: a model is written with one call, not one
    // per property, and an if costs the compiler no more than a case label.
    private static void WriteWriteProperties(SourceWriter writer, ModelSpec model)
    {
        writer.Line("/// <inheritdoc/>");
        using (writer.Block("protected override void WriteProperties(" + WriterType + " writer)"))
        {
            foreach (var property in model.Properties)
            {
                writer.Line("if (IsSet(" + Index(property) + ")) " + WriteValue(property, ShapeField + ".Name(" + Index(property) + ")"));
            }
        }
    }

    private static void WriteSwitch(SourceWriter writer, ModelSpec model, System.Func<PropertySpec, string> statement)
    {
        if (model.Properties.Count == 0)
        {
            return;
        }

        using (writer.Block("switch (index)"))
        {
            foreach (var property in model.Properties)
            {
                writer.Line("case " + Index(property) + ": " + statement(property) + " break;");
            }
        }
    }

    /// <summary>Reads a non-null value into the field's type; ApiModel's helpers where one fits, else the shared expression.</summary>
    private static string ReadValue(PropertySpec property)
    {
        var type = property.Type;
        switch (type.Kind)
        {
            case TypeKind.DateTimeOffset:
                return "ReadDateTime(ref reader, " + Index(property) + ")";
            case TypeKind.DateOnly:
                return "ReadDate(ref reader)";
            case TypeKind.Any:
                return "ReadAny(ref reader)";
            case TypeKind.Model or TypeKind.Enum or TypeKind.Union:
                return "ReadValue<" + TypeNames.CSharp(type) + ">(ref reader)";
            case TypeKind.Array or TypeKind.Map when CollectionHelper(type) is { } helper:
                return "Read" + helper + "(ref reader)";
            default:
                return JsonExpressions.Read(type, "reader");
        }
    }

    // Writes the property's name and value: one writer call where the writer has one for both (strings, numbers,
    // null), else ApiModel's helper, which writes the name first.
    private static string WriteValue(PropertySpec property, string name)
    {
        var type = property.Type;
        var field = property.FieldName;
        switch (type.Kind)
        {
            case TypeKind.String:
                return "writer.WriteString(" + name + ", " + field + ");";
            case TypeKind.DateTimeOffset:
                return "WriteDateTime(writer, " + name + ", " + field + ");";
            case TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Guid:
                return "Write" + type.Kind + "(writer, " + name + ", " + field + ");";
            case TypeKind.DateOnly:
                return "WriteDate(writer, " + name + ", " + field + ");";
            case TypeKind.Any:
                return "WriteAny(writer, " + name + ", " + field + ");";
            case TypeKind.Model or TypeKind.Union:
                return "WriteValue<" + TypeNames.CSharp(type) + ">(writer, " + name + ", " + field + ");";
            case TypeKind.Enum:
                return "WriteEnum<" + TypeNames.CSharp(type) + ">(writer, " + name + ", " + field + ");";
            case TypeKind.Array or TypeKind.Map when CollectionHelper(type) is { } helper:
                return "Write" + helper + "(writer, " + name + ", " + field + ");";
            default:
                var present = "p" + Index(property);
                return "{ writer.WritePropertyName(" + name + "); if (" + field + " is { } " + present + ") { " + JsonExpressions.Write(type, "writer", present) + " } else { writer.WriteNullValue(); } }";
        }
    }

    /// <summary>
    /// The ApiModel helper for a list or map (List, Map, StringList, ...), with its type argument, or null when the
    /// collection needs the general reader: nullable or nested elements.
    /// </summary>
    private static string? CollectionHelper(TypeRef collection)
    {
        var element = collection.Element!;
        var shape = collection.Kind == TypeKind.Array ? "List" : "Map";
        if (collection.ElementIsNullable)
        {
            return null;
        }

        return element.Kind switch
        {
            TypeKind.Model or TypeKind.Enum or TypeKind.Union => shape + "<" + TypeNames.CSharp(element) + ">",
            TypeKind.String => "String" + shape,
            TypeKind.Any when collection.Kind == TypeKind.Map => "AnyMap",
            _ => null,
        };
    }

    /// <summary>Optional properties are nullable in C# so "not set" exists; required ones keep the spec's nullability.</summary>
    private static string DeclaredType(PropertySpec property) =>
        TypeNames.CSharp(property.Type, nullable: !property.IsRequired || property.IsNullable);

    private static string Index(PropertySpec property) => property.Index.ToString(CultureInfo.InvariantCulture);
}
