using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits an extensible enum: a readonly struct over the wire value, with the known values as static properties.
/// A value the spec does not list is kept as it came and written back unchanged.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter writer, EnumSpec spec, string ns, string accessibility)
    {
        var valueType = spec.IsInteger ? "long" : "string";
        var name = spec.Name;
        XmlDocs.Summary(writer, spec.Description, name + " values.");
        TypeAttributes.Write(writer, spec, ns);
        using (writer.Block(accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">"))
        {
            writer.Line("private readonly " + valueType + (spec.IsInteger ? "" : "?") + " _value;");
            writer.Line();
            writer.Line("/// <summary>Wraps a wire value, known or not.</summary>");
            writer.Line("public " + name + "(" + valueType + " value)");
            writer.Line("{");
            writer.Line(spec.IsInteger ? "    _value = value;" : "    _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Line("}");
            writer.Line();
            foreach (var member in spec.Members)
            {
                XmlDocs.Summary(writer, member.Description, "The value " + member.Value + ".");
                writer.Line("public static " + name + " " + member.Name + " { get; } = new(" + Literal(spec, member.Value) + ");");
                writer.Line();
            }

            var known = spec.Members.Count == 0 ? "false" : "_value is " + string.Join(" or ", spec.Members.Select(member => Literal(spec, member.Value)));
            writer.Line("/// <summary>True when the value is one the spec lists.</summary>");
            writer.Line("public bool IsKnown => " + known + ";");
            writer.Line();
            writer.Line("/// <summary>The wire value.</summary>");
            writer.Line(spec.IsInteger
                ? "public override string ToString() => _value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);"
                : "public override string ToString() => _value ?? string.Empty;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line(spec.IsInteger
                ? "public bool Equals(" + name + " other) => _value == other._value;"
                : "public bool Equals(" + name + " other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line(spec.IsInteger
                ? "public override int GetHashCode() => _value.GetHashCode();"
                : "public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
            writer.Line();
            writer.Line("/// <summary>Compares wire values.</summary>");
            writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
            writer.Line();
            writer.Line("/// <summary>Compares wire values.</summary>");
            writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
            writer.Line();
            writer.Line("/// <summary>Wraps a wire value, known or not.</summary>");
            writer.Line("public static implicit operator " + name + "(" + valueType + " value) => new(value);");
            writer.Line();
            writer.Line("internal bool ContainsUnknownValues() => !IsKnown;");
            writer.Line();
            writer.Line(spec.IsInteger
                ? "internal static " + name + " ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => new(global::DatadogGen.JsonPrimitives.ReadEnumInteger(ref reader, \"" + name + "\"));"
                : "internal static " + name + " ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => new(global::DatadogGen.JsonPrimitives.ReadEnumString(ref reader, \"" + name + "\"));");
            writer.Line();
            writer.Line(spec.IsInteger
                ? "internal static void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value) => writer.WriteNumberValue(value._value);"
                : "internal static void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value) => writer.WriteStringValue(value._value);");
        }
    }

    private static string Literal(EnumSpec spec, string value) =>
        spec.IsInteger ? value + "L" : CSharpLiterals.Quote(value);
}
