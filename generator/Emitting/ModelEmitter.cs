using System.Globalization;
using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits a model class: settable properties, a bag for unknown properties, and its JSON reader and writer.
/// Every property remembers whether it was set, so absent stays absent and null stays null, and a response that
/// lacks a required property is read (and says so through IsUnparsed) instead of failing.
/// </summary>
internal static class ModelEmitter
{
    private const string Json = "global::System.Text.Json.";

    public static void Emit(SourceWriter writer, ModelSpec model, string ns, string accessibility)
    {
        XmlDocs.Summary(writer, model.Description, model.Name + " model.");
        TypeAttributes.Write(writer, model, ns);
        using (writer.Block(accessibility + " partial class " + model.Name + " : global::DatadogGen.IJsonModel"))
        {
            WriteFields(writer, model);
            WriteConstructors(writer, model);
            foreach (var property in model.Properties)
            {
                WriteProperty(writer, property);
            }

            writer.Line("/// <summary>Properties the spec does not describe, kept so they are written back unchanged.</summary>");
            writer.Line("public global::System.Collections.Generic.IDictionary<string, " + Json + "JsonElement> AdditionalProperties => __additionalProperties ??= new();");
            writer.Line();
            WriteContainsUnknownValues(writer, model);
            WriteReadJson(writer, model);
            WriteWriteJson(writer, model);
        }
    }

    private static void WriteFields(SourceWriter writer, ModelSpec model)
    {
        for (var word = 0; word < PresenceWords(model); word++)
        {
            writer.Line("private ulong __presence" + word.ToString(CultureInfo.InvariantCulture) + ";");
        }

        foreach (var property in model.Properties)
        {
            // Required non-null references start as null! until an initializer or the reader sets them.
            var initializer = property.IsRequired && !property.IsNullable && !property.Type.IsValueType ? " = null!" : "";
            writer.Line("private " + DeclaredType(property) + " " + property.FieldName + initializer + ";");
        }

        writer.Line("private global::DatadogGen.AdditionalPropertyBag? __additionalProperties;");

        // Names encoded once, as System.Text.Json's own generator does, so writing skips validation and escaping.
        foreach (var property in model.Properties)
        {
            writer.Line("private static readonly " + Json + "JsonEncodedText " + EncodedNameField(property) + " = " + Json + "JsonEncodedText.Encode(" + CSharpLiterals.Quote(property.JsonName) + ");");
        }

        if (model.IsUnionVariant)
        {
            WriteShape(writer, model);
        }

        writer.Line();
    }

    // A property may always be null: the reader turns JSON null into the default value.
    private static void WriteShape(SourceWriter writer, ModelSpec model)
    {
        writer.Line("/// <summary>What JSON this model's reader accepts, checked before a union tries to read it.</summary>");
        writer.Line("internal static readonly global::DatadogGen.JsonShape " + ShapeField + " = new(global::DatadogGen.JsonTokenKinds.Object" + (model.Properties.Count == 0 ? ");" : ","));
        for (var index = 0; index < model.Properties.Count; index++)
        {
            var property = model.Properties[index];
            var separator = index == model.Properties.Count - 1 ? ");" : ",";
            var isKnown = property.Type.Kind == TypeKind.Enum
                ? ", isKnown: " + TypeNames.CSharp(property.Type) + "." + EnumEmitter.IsKnownJsonMethod
                : "";
            writer.Line("    new global::DatadogGen.JsonPropertyShape(" + CSharpLiterals.Quote(property.JsonName) + ", " + JsonExpressions.TokenKinds(property.Type)
                + " | global::DatadogGen.JsonTokenKinds.Null, isRequired: " + (property.IsRequired ? "true" : "false") + isKnown + ")" + separator);
        }
    }

    /// <summary>The static field holding a union variant's <c>JsonShape</c>; no property or field name starts with two underscores and "shape".</summary>
    public const string ShapeField = "__shape";

    private static string EncodedNameField(PropertySpec property) => "__json" + property.Name.TrimStart('@');

    private static void WriteConstructors(SourceWriter writer, ModelSpec model)
    {
        writer.Line("/// <summary>Creates an empty " + model.Name + "; set its properties with an object initializer.</summary>");
        writer.Line("public " + model.Name + "()");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line("// Deserialization sets the members it finds; a required one it does not find stays unset (IsUnparsed).");
        writer.Line("#pragma warning disable CS8618");
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        writer.Line("private " + model.Name + "(bool deserializing)");
        writer.Line("{");
        writer.Line("}");
        writer.Line("#pragma warning restore CS8618");
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
        using (writer.Block(modifiers + DeclaredType(property) + " " + property.Name))
        {
            writer.Line("get => " + property.FieldName + ";");
            writer.Line("set { " + property.FieldName + " = value; " + MarkPresent(property) + " }");
        }

        writer.Line();
    }

    private static void WriteContainsUnknownValues(SourceWriter writer, ModelSpec model)
    {
        var checks = MissingRequiredChecks(model).ToList();
        checks.Add("__additionalProperties is { HasMismatches: true }");
        checks.AddRange(model.Properties
            .Select((property, index) => (Property: property, Local: "p" + index.ToString(CultureInfo.InvariantCulture)))
            .Select(entry => (entry.Property, entry.Local, Check: JsonExpressions.UnknownCheck(entry.Property.Type, entry.Local)))
            .Where(entry => entry.Check is not null)
            .Select(entry => "(" + entry.Property.FieldName + " is { } " + entry.Local + " && " + entry.Check + ")"));
        writer.Line("/// <inheritdoc/>");
        writer.Line("public bool IsUnparsed => ContainsUnknownValues();");
        writer.Line();
        writer.Line("internal bool ContainsUnknownValues() => " + string.Join(" || ", checks) + ";");
        writer.Line();
    }

    // One mask per presence word: a required property whose bit is clear was missing from the JSON read.
    private static System.Collections.Generic.IEnumerable<string> MissingRequiredChecks(ModelSpec model) =>
        model.Properties
            .Where(property => property.IsRequired)
            .GroupBy(property => property.Index / 64)
            .Select(word =>
            {
                var mask = "0x" + word.Aggregate(0UL, (bits, property) => bits | (1UL << (property.Index % 64))).ToString("X", CultureInfo.InvariantCulture) + "UL";
                return "(__presence" + word.Key.ToString(CultureInfo.InvariantCulture) + " & " + mask + ") != " + mask;
            });

    private static void WriteReadJson(SourceWriter writer, ModelSpec model)
    {
        using (writer.Block("internal static " + model.Name + " ReadJson(ref " + Json + "Utf8JsonReader reader)"))
        {
            writer.Line("global::DatadogGen.JsonPrimitives.ExpectStartObject(ref reader, \"" + model.Name + "\");");
            writer.Line("var value = new " + model.Name + "(deserializing: true);");
            using (writer.Block("while (reader.Read() && reader.TokenType == " + Json + "JsonTokenType.PropertyName)"))
            {
                if (model.Properties.Count == 0)
                {
                    WriteReadAdditionalProperty(writer);
                }
                else
                {
                    WriteReadPropertyTolerantly(writer, model);
                }
            }

            writer.Line("return value;");
        }

        writer.Line();
    }

    // A response that bends the spec (a number where it says string, an object where it says array) must not cost
    // the whole body: the value is kept raw, the typed property stays absent, and IsUnparsed says so.
    private static void WriteReadPropertyTolerantly(SourceWriter writer, ModelSpec model)
    {
        writer.Line("var property = reader;");
        using (writer.Block("try"))
        {
            var keyword = "if";
            foreach (var property in model.Properties)
            {
                using (writer.Block(keyword + " (reader.ValueTextEquals(" + CSharpLiterals.QuoteUtf8(property.JsonName) + "))"))
                {
                    writer.Line("reader.Read();");
                    writer.Line("value." + property.FieldName + " = reader.TokenType == " + Json + "JsonTokenType.Null ? default(" + DeclaredType(property) + ")! : " + ReadValue(property) + ";");
                    writer.Line("value." + MarkPresent(property));
                }

                keyword = "else if";
            }

            using (writer.Block("else"))
            {
                WriteReadAdditionalProperty(writer);
            }
        }

        using (writer.Block("catch (global::System.Exception exception) when (global::DatadogGen.JsonPrimitives.IsRejection(exception))"))
        {
            writer.Line("reader = property;");
            writer.Line("(value.__additionalProperties ??= new()).ReadMismatch(ref reader);");
        }
    }

    private static void WriteReadAdditionalProperty(SourceWriter writer)
    {
        writer.Line("var name = reader.GetString()!;");
        writer.Line("reader.Read();");
        writer.Line("(value.__additionalProperties ??= new()).Read(name, ref reader);");
    }

    private static void WriteWriteJson(SourceWriter writer, ModelSpec model)
    {
        using (writer.Block("internal static void WriteJson(" + Json + "Utf8JsonWriter writer, " + model.Name + " value)"))
        {
            writer.Line("writer.WriteStartObject();");
            foreach (var property in model.Properties)
            {
                var write = "writer.WritePropertyName(" + EncodedNameField(property) + "); "
                    + "if (value." + property.FieldName + " is { } present) { " + WriteValue(property) + " } else { writer.WriteNullValue(); }";
                writer.Line("if (" + IsPresent(property) + ") { " + write + " }");
            }

            writer.Line("value.__additionalProperties?.WriteTo(writer);");

            writer.Line("writer.WriteEndObject();");
        }
    }

    // A date-time keeps the text it was read from (".000Z", "+00:00") for when it is written back unchanged.
    private static string ReadValue(PropertySpec property) => property.Type.Kind == TypeKind.DateTimeOffset
        ? "global::DatadogGen.JsonPrimitives.ReadDateTimeOffset(ref reader, ref value.__additionalProperties, " + CSharpLiterals.Quote(property.JsonName) + ")"
        : JsonExpressions.Read(property.Type, "reader");

    private static string WriteValue(PropertySpec property) => property.Type.Kind == TypeKind.DateTimeOffset
        ? "global::DatadogGen.JsonPrimitives.WriteDateTimeOffset(writer, present, value.__additionalProperties, " + CSharpLiterals.Quote(property.JsonName) + ");"
        : JsonExpressions.Write(property.Type, "writer", "present");

    /// <summary>Optional properties are nullable in C# so "not set" exists; required ones keep the spec's nullability.</summary>
    private static string DeclaredType(PropertySpec property) =>
        TypeNames.CSharp(property.Type, nullable: !property.IsRequired || property.IsNullable);

    private static int PresenceWords(ModelSpec model) =>
        (model.Properties.Count + 63) / 64;

    private static string MarkPresent(PropertySpec property) =>
        PresenceField(property) + " |= " + PresenceBit(property) + ";";

    private static string IsPresent(PropertySpec property) =>
        "(value." + PresenceField(property) + " & " + PresenceBit(property) + ") != 0";

    private static string PresenceField(PropertySpec property) =>
        "__presence" + (property.Index / 64).ToString(CultureInfo.InvariantCulture);

    private static string PresenceBit(PropertySpec property) =>
        "(1UL << " + (property.Index % 64).ToString(CultureInfo.InvariantCulture) + ")";
}
