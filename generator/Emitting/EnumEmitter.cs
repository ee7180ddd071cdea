using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits an extensible enum: a readonly struct over the wire value, with the known values as static properties.
/// A value the spec does not list is kept as it came and written back unchanged. Matching a read value against
/// the known ones is the runtime's (<c>JsonEnumValues</c>), so an enum is its members and little else.
/// </summary>
internal static class EnumEmitter
{
    private const string ValuesField = "__values";

    public static void Emit(SourceWriter writer, EnumSpec spec, string accessibility)
    {
        var valueType = spec.IsInteger ? "long" : "string";
        var name = spec.Name;
        var literals = spec.Members.Select(member => Literal(spec, member.Value)).ToList();
        XmlDocs.Summary(writer, spec.Description, name + " values.");
        TypeAttributes.Write(writer, spec);
        using (writer.Block(accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, global::DatadogGen.GeneratedCode.IJsonValue<" + name + ">"))
        {
            writer.Line(spec.IsInteger
                ? "private static readonly long[] " + ValuesField + " = [" + string.Join(", ", literals) + "];"
                : "private static readonly global::DatadogGen.GeneratedCode.JsonEnumValues " + ValuesField + " = new(" + CSharpLiterals.Quote(name.TrimStart('@')) + string.Concat(literals.Select(literal => ", " + literal)) + ");");
            writer.Line("private readonly " + valueType + (spec.IsInteger ? "" : "?") + " _value;");
            writer.Line();
            writer.Line("/// <summary>Wraps a wire value, known or not.</summary>");
            writer.Line(spec.IsInteger
                ? "public " + name + "(long value) => _value = value;"
                : "public " + name + "(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            for (var index = 0; index < spec.Members.Count; index++)
            {
                var member = spec.Members[index];
                XmlDocs.Summary(writer, member.Description, "The value " + member.Value + ".");
                writer.Line("public static " + name + " " + member.Name + " => new(" + literals[index] + ");");
            }

            writer.Line("/// <summary>True when the value is one the spec lists.</summary>");
            writer.Line(spec.IsInteger
                ? "public bool IsKnown => global::System.Array.IndexOf(" + ValuesField + ", _value) >= 0;"
                : "public bool IsKnown => " + ValuesField + ".IsKnown(_value);");
            writer.Line("/// <summary>The wire value.</summary>");
            writer.Line(spec.IsInteger
                ? "public override string ToString() => _value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);"
                : "public override string ToString() => _value ?? \"\";");
            writer.Line("/// <inheritdoc/>");
            writer.Line("public bool Equals(" + name + " other) => " + (spec.IsInteger ? "_value == other._value;" : "string.Equals(_value, other._value);"));
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override int GetHashCode() => " + (spec.IsInteger ? "_value.GetHashCode();" : "_value?.GetHashCode() ?? 0;"));
            writer.Line("/// <summary>Compares wire values.</summary>");
            writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
            writer.Line("/// <summary>Compares wire values.</summary>");
            writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
            writer.Line("/// <summary>Wraps a wire value, known or not.</summary>");
            writer.Line("public static implicit operator " + name + "(" + valueType + " value) => new(value);");
            writer.Line("bool global::DatadogGen.IJsonModel.IsUnparsed => !IsKnown;");
            var self = "global::DatadogGen.GeneratedCode.IJsonValue<" + name + ">";
            writer.Line(spec.IsInteger
                ? "static " + name + " " + self + ".ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => new(global::DatadogGen.GeneratedCode.JsonPrimitives.ReadEnumInteger(ref reader, " + CSharpLiterals.Quote(name.TrimStart('@')) + "));"
                : "static " + name + " " + self + ".ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => new(" + ValuesField + ".Read(ref reader));");
            writer.Line(spec.IsInteger
                ? "static void " + self + ".WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value) => writer.WriteNumberValue(value._value);"
                : "static void " + self + ".WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value) => " + ValuesField + ".Write(writer, value._value);");
        }
    }

    private static string Literal(EnumSpec spec, string value) =>
        spec.IsInteger ? value + "L" : CSharpLiterals.Quote(value);
}
