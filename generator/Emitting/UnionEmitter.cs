using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits a oneOf/anyOf union. Reading tries the variant the discriminator names, or else every variant whose
/// JSON shape fits, and keeps the one that reads cleanly; when none or several do, the raw JSON is kept and
/// IsUnparsed is true.
/// Reading never throws for an unmatched value.
/// </summary>
internal static class UnionEmitter
{
    private const string Json = "global::System.Text.Json.";
    private const string UnparsedJson = "global::DatadogGen.GeneratedCode.UnparsedJson";

    /// <summary>The static field holding a union's variant shapes, in variant order (see <c>JsonShape.Fits</c>).</summary>
    private const string VariantShapesField = "__variants";

    public static void Emit(SourceWriter writer, UnionSpec spec, string accessibility)
    {
        var name = spec.Name;
        XmlDocs.Summary(writer, spec.Description, name + ": one of several shapes.");
        TypeAttributes.Write(writer, spec);
        using (writer.Block(accessibility + " sealed partial class " + name + " : global::DatadogGen.GeneratedCode.IJsonValue<" + name + ">"))
        {
            // The variant, or the JSON no variant matched (UnparsedJson): one field.
            writer.Line("private readonly object? _value;");
            writer.Line();
            foreach (var variant in spec.Variants)
            {
                WriteVariantMembers(writer, name, variant);
            }

            writer.Line("private " + name + "(" + Json + "JsonElement unparsed)");
            writer.Line("{");
            writer.Line("    _value = new " + UnparsedJson + "(unparsed);");
            writer.Line("}");
            writer.Line();
            writer.Line("/// <summary>The variant that matched, or null when the value is unparsed.</summary>");
            writer.Line("public object? Value => _value is " + UnparsedJson + " ? null : _value;");
            writer.Line();
            writer.Line("/// <summary>True when no variant matched the JSON; <see cref=\"UnparsedObject\"/> holds it.</summary>");
            writer.Line("public bool IsUnparsed => _value is " + UnparsedJson + ";");
            writer.Line();
            writer.Line("/// <summary>The JSON no variant matched, kept so it is written back unchanged.</summary>");
            writer.Line("public " + Json + "JsonElement? UnparsedObject => (_value as " + UnparsedJson + ")?.Element;");
            writer.Line();
            WriteIsUnparsed(writer, spec);
            WriteVariantShapes(writer, spec);
            WriteReadJson(writer, spec);
            WriteWriteJson(writer, spec);
        }
    }

    private static void WriteVariantMembers(SourceWriter writer, string name, UnionVariantSpec variant)
    {
        var type = TypeNames.CSharp(variant.Type);
        var guard = variant.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
        if (variant.Type.Kind != TypeKind.Any)
        {
            // A JsonElement variant would clash with the unparsed constructor; such a union is built by reading.
            writer.Line("/// <summary>Holds the " + XmlDocs.Escape(TypeNames.Describe(variant.Type)) + " variant.</summary>");
            writer.Line("public " + name + "(" + type + " value)");
            writer.Line("{");
            writer.Line("    _value = " + guard + ";");
            writer.Line("}");
            writer.Line();
        }

        writer.Line("/// <summary>The value as " + XmlDocs.Escape(TypeNames.Describe(variant.Type)) + ", or null when it holds another variant.</summary>");
        writer.Line(variant.Type.IsValueType
            ? "public " + type + "? " + variant.PropertyName + " => _value is " + type + " variant ? variant : default(" + type + "?);"
            : "public " + type + "? " + variant.PropertyName + " => _value as " + type + ";");
        writer.Line();
        // A conversion from the union to itself is not allowed (CS0555); nor is one from JsonElement useful.
        if (variant.Type.Kind != TypeKind.Any && variant.Type.Name != name)
        {
            writer.Line("/// <summary>Wraps the " + XmlDocs.Escape(TypeNames.Describe(variant.Type)) + " variant.</summary>");
            writer.Line("public static implicit operator " + name + "(" + type + " value) => new(value);");
            writer.Line();
        }
    }

    private static void WriteIsUnparsed(SourceWriter writer, UnionSpec spec)
    {
        var checks = spec.Variants
            .Select(variant => (Variant: variant, Check: JsonExpressions.UnknownCheck(variant.Type, Local(variant))))
            .Where(entry => entry.Check is not null)
            .Select(entry => " || (_value is " + TypeNames.CSharp(entry.Variant.Type) + " " + Local(entry.Variant) + " && " + entry.Check + ")");
        writer.Line("// Unlike IsUnparsed, also true when the variant it holds is unparsed or holds an unknown enum value.");
        writer.Line("bool global::DatadogGen.IJsonModel.IsUnparsed => IsUnparsed" + string.Concat(checks) + ";");
        writer.Line();
    }

    private static void WriteVariantShapes(SourceWriter writer, UnionSpec spec)
    {
        if (spec.DiscriminatorProperty is null)
        {
            writer.Line("private static readonly global::DatadogGen.GeneratedCode.JsonShape?[] " + VariantShapesField + " = [" + string.Join(", ", spec.Variants.Select(variant => VariantShape(variant.Type))) + "];");
            writer.Line();
        }
    }

    private static void WriteReadJson(SourceWriter writer, UnionSpec spec)
    {
        using (writer.Block("static " + spec.Name + " global::DatadogGen.GeneratedCode.IJsonValue<" + spec.Name + ">.ReadJson(ref " + Json + "Utf8JsonReader reader)"))
        {
            if (spec.DiscriminatorProperty is { } discriminator)
            {
                writer.Line("var discriminator = global::DatadogGen.GeneratedCode.JsonPrimitives.PeekStringProperty(reader, " + CSharpLiterals.QuoteUtf8(discriminator) + ");");
                using (writer.Block("switch (discriminator)"))
                {
                    foreach (var variant in spec.Variants.Where(variant => variant.DiscriminatorValues.Count > 0))
                    {
                        foreach (var value in variant.DiscriminatorValues)
                        {
                            writer.Line("case " + CSharpLiterals.Quote(value) + ":");
                        }

                        writer.Line("    var " + Probe(variant) + " = reader;");
                        writer.Line("    if (global::DatadogGen.GeneratedCode.JsonPrimitives.TryReadVariant(ref " + Probe(variant) + ", " + JsonExpressions.Reader(variant.Type) + ", out var " + Local(variant) + ")) { reader = " + Probe(variant) + "; return new " + spec.Name + "(" + Local(variant) + "); }");
                        writer.Line("    break;");
                    }
                }

                writer.Line("return new " + spec.Name + "(" + Json + "JsonElement.ParseValue(ref reader));");
                return;
            }

            // One look at the value for all variants; the one variant that may fit is read in place, and the reader
            // it ends with is the union's.
            writer.Line("var fits = global::DatadogGen.GeneratedCode.JsonShape.Fits(reader, " + VariantShapesField + ");");
            using (writer.Block("if (global::System.Numerics.BitOperations.IsPow2(fits))"))
            {
                writer.Line("var start = reader;");
                using (writer.Block("switch (fits)"))
                {
                    for (var index = 0; index < spec.Variants.Count; index++)
                    {
                        var variant = spec.Variants[index];
                        writer.Line("case " + Bit(index) + ": if (" + TryRead(variant, "reader", Only(variant)) + ") return new " + spec.Name + "(" + Only(variant) + ", read: true); break;");
                    }
                }

                writer.Line("reader = start;");
                writer.Line("return new " + spec.Name + "(" + Json + "JsonElement.ParseValue(ref reader));");
            }

            // Several may fit: each is read on a copy of the reader, and the value is a variant only when exactly
            // one reads cleanly. The reader that variant ends with is taken over, so the value is not walked again.
            writer.Line("object? match = null;");
            writer.Line("var matches = 0;");
            writer.Line("var end = reader;");
            for (var index = 0; index < spec.Variants.Count; index++)
            {
                var variant = spec.Variants[index];
                writer.Line("if ((fits & " + Bit(index) + ") != 0) { var " + Probe(variant) + " = reader; if (" + TryRead(variant, Probe(variant), Local(variant)) + ") { match = " + Local(variant) + "; matches++; end = " + Probe(variant) + "; } }");
            }

            using (writer.Block("if (matches == 1)"))
            {
                writer.Line("reader = end;");
                writer.Line("return new " + spec.Name + "(match!, read: true);");
            }

            writer.Line("return new " + spec.Name + "(" + Json + "JsonElement.ParseValue(ref reader));");
        }

        writer.Line();
        if (spec.DiscriminatorProperty is null)
        {
            writer.Line("private " + spec.Name + "(object value, bool read)");
            writer.Line("{");
            writer.Line("    _value = value;");
            writer.Line("}");
            writer.Line();
        }
    }

    private static void WriteWriteJson(SourceWriter writer, UnionSpec spec)
    {
        using (writer.Block("static void global::DatadogGen.GeneratedCode.IJsonValue<" + spec.Name + ">.WriteJson(" + Json + "Utf8JsonWriter writer, " + spec.Name + " value)"))
        {
            using (writer.Block("switch (value._value)"))
            {
                foreach (var variant in spec.Variants)
                {
                    writer.Line("case " + TypeNames.CSharp(variant.Type) + " " + Local(variant) + ":");
                    writer.Line("    " + JsonExpressions.Write(variant.Type, "writer", Local(variant)));
                    writer.Line("    return;");
                }
            }

            writer.Line("if (value._value is " + UnparsedJson + " unparsed) unparsed.Element.WriteTo(writer); else writer.WriteNullValue();");
        }
    }

    // Rules out variants whose reader would throw (the wrong token, a property of the wrong kind, a required one
    // missing) without reading them: exceptions made trying every variant cost microseconds per union value. A
    // variant without a shape (an enum, a union, any JSON) is always tried.
    private static string VariantShape(TypeRef type) => type.Kind switch
    {
        TypeKind.Model => TypeNames.CSharp(type) + "." + ModelEmitter.ShapeField,
        TypeKind.Any or TypeKind.Union or TypeKind.Enum => "null",
        _ => "new(" + JsonExpressions.TokenKinds(type) + ")",
    };

    private static string TryRead(UnionVariantSpec variant, string reader, string local)
    {
        var check = JsonExpressions.UnknownCheck(variant.Type, local);
        return "global::DatadogGen.GeneratedCode.JsonPrimitives.TryReadVariant(ref " + reader + ", " + JsonExpressions.Reader(variant.Type) + ", out var " + local + ")"
            + (check is null ? "" : " && !(" + check + ")");
    }

    private static string Bit(int index) => (1UL << index).ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL";

    private static string Only(UnionVariantSpec variant) => "only" + variant.PropertyName;

    private static string Local(UnionVariantSpec variant) => "as" + variant.PropertyName;

    private static string Probe(UnionVariantSpec variant) => "readerFor" + variant.PropertyName;
}
