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
            if (spec.IsInteger)
            {
                writer.Line("internal static " + name + " ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => new(global::DatadogGen.JsonPrimitives.ReadEnumInteger(ref reader, \"" + name + "\"));");
            }
            else
            {
                WriteStringReadJson(writer, spec);
            }

            writer.Line();
            WriteIsKnownJson(writer, spec);
            writer.Line();
            writer.Line(spec.IsInteger
                ? "internal static void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value) => writer.WriteNumberValue(value._value);"
                : "internal static void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value) => writer.WriteStringValue(value._value);");
        }
    }

    // Known values come back as the static members' own strings, so reading one allocates nothing (JSON:API
    // responses repeat "type" enums on every resource). Past a few dozen values the comparisons would cost more
    // than the string they save.
    private const int MaxValuesMatchedOnRead = 32;

    private static bool MatchesValuesOnRead(EnumSpec spec) => spec.Members.Count is > 0 and <= MaxValuesMatchedOnRead;

    private static string ValueIs(EnumMemberSpec member) => "reader.ValueTextEquals(" + CSharpLiterals.QuoteUtf8(member.Value) + ")";

    private static void WriteStringReadJson(SourceWriter writer, EnumSpec spec)
    {
        var read = "new(global::DatadogGen.JsonPrimitives.ReadEnumString(ref reader, \"" + spec.Name + "\"))";
        if (!MatchesValuesOnRead(spec))
        {
            writer.Line("internal static " + spec.Name + " ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => " + read + ";");
            return;
        }

        using (writer.Block("internal static " + spec.Name + " ReadJson(ref global::System.Text.Json.Utf8JsonReader reader)"))
        {
            using (writer.Block("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)"))
            {
                foreach (var member in spec.Members)
                {
                    writer.Line("if (" + ValueIs(member) + ") return " + member.Name + ";");
                }
            }

            writer.Line("return " + read + ";");
        }
    }

    // What a union's shape check asks of an enum property (JsonPropertyShape's isKnown): without allocating
    // the string when it can.
    private static void WriteIsKnownJson(SourceWriter writer, EnumSpec spec)
    {
        var header = "internal static bool " + IsKnownJsonMethod + "(ref global::System.Text.Json.Utf8JsonReader reader) => ";
        if (spec.IsInteger || !MatchesValuesOnRead(spec))
        {
            writer.Line(header + "ReadJson(ref reader).IsKnown;");
            return;
        }

        var matches = spec.Members.Select(ValueIs);
        writer.Line(header + "reader.TokenType == global::System.Text.Json.JsonTokenType.String && (" + string.Join(" || ", matches) + ");");
    }

    /// <summary>The static method that tells, from the reader, whether a JSON value is a known value of the enum.</summary>
    public const string IsKnownJsonMethod = "IsKnownJson";

    private static string Literal(EnumSpec spec, string value) =>
        spec.IsInteger ? value + "L" : CSharpLiterals.Quote(value);
}
