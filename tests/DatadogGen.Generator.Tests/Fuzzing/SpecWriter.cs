using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DatadogGen.Generator.Tests.Fuzzing;

/// <summary>
/// Writes a <see cref="SpecNode"/> tree back to text: block-style YAML with every key and string double-quoted
/// (so any name the fuzzer invents survives), or JSON. Duplicate keys are written as they are.
/// </summary>
internal static partial class SpecWriter
{
    public static string ToYaml(SpecNode root)
    {
        var builder = new StringBuilder();
        WriteYaml(builder, root, 0);
        return builder.ToString();
    }

    public static string ToJson(SpecNode root)
    {
        var builder = new StringBuilder();
        WriteJson(builder, root, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>Writes a collection's entries at <paramref name="indent"/>; the caller has ended its line.</summary>
    private static void WriteYaml(StringBuilder builder, SpecNode node, int indent)
    {
        switch (node)
        {
            case MapNode map:
                foreach (var (key, value) in map.Entries)
                {
                    builder.Append(' ', indent).Append(Quote(key)).Append(':');
                    WriteYamlValue(builder, value, indent + 2);
                }

                break;
            case SeqNode sequence:
                foreach (var item in sequence.Items)
                {
                    builder.Append(' ', indent).Append('-');
                    WriteYamlValue(builder, item, indent + 2);
                }

                break;
            default:
                builder.Append(Scalar((ScalarNode)node)).Append('\n');
                break;
        }
    }

    private static void WriteYamlValue(StringBuilder builder, SpecNode value, int indent)
    {
        switch (value)
        {
            case MapNode { Entries.Count: 0 }:
                builder.Append(" {}\n");
                break;
            case SeqNode { Items.Count: 0 }:
                builder.Append(" []\n");
                break;
            case ScalarNode scalar:
                builder.Append(' ').Append(Scalar(scalar)).Append('\n');
                break;
            default:
                builder.Append('\n');
                WriteYaml(builder, value, indent);
                break;
        }
    }

    private static void WriteJson(StringBuilder builder, SpecNode node, int indent)
    {
        switch (node)
        {
            case MapNode map:
                builder.Append('{');
                for (var index = 0; index < map.Entries.Count; index++)
                {
                    builder.Append(index == 0 ? "\n" : ",\n").Append(' ', indent + 2).Append(Quote(map.Entries[index].Key)).Append(": ");
                    WriteJson(builder, map.Entries[index].Value, indent + 2);
                }

                builder.Append(map.Entries.Count == 0 ? "}" : "\n" + new string(' ', indent) + "}");
                break;
            case SeqNode sequence:
                builder.Append('[');
                for (var index = 0; index < sequence.Items.Count; index++)
                {
                    builder.Append(index == 0 ? "\n" : ",\n").Append(' ', indent + 2);
                    WriteJson(builder, sequence.Items[index], indent + 2);
                }

                builder.Append(sequence.Items.Count == 0 ? "]" : "\n" + new string(' ', indent) + "]");
                break;
            default:
                builder.Append(Scalar((ScalarNode)node));
                break;
        }
    }

    /// <summary>Numbers, booleans and null stay plain when they were plain; everything else is a quoted string.</summary>
    private static string Scalar(ScalarNode scalar) =>
        scalar.Plain && PlainLiteral().IsMatch(scalar.Value) ? scalar.Value : Quote(scalar.Value);

    /// <summary>
    /// A double-quoted scalar, valid both as YAML and as JSON: backslash, quote and anything YAML calls
    /// non-printable (controls, DEL, C1, line separators, BOM, lone surrogates) as \uXXXX.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var index = 0; index < value.Length; index++)
        {
            var c = value[index];
            var pairedSurrogate = char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]);
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (pairedSurrogate)
            {
                builder.Append(c).Append(value[++index]);
            }
            else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"^(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?|true|false|null)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainLiteral();
}
