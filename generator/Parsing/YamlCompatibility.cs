using System;
using System.Text;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// Rewrites the YAML 1.2 constructs that SharpYaml 2.1.5 (inside Microsoft.OpenApi.Readers 1.6.31) rejects into
/// equivalent YAML it accepts, so Datadog's spec reads as published. Today that is one construct: a plain scalar
/// containing ':' inside a one-line flow sequence (<c>example: [this:tag, that:tag]</c>), which gets quoted.
/// Rewrites stay within their line, so diagnostics keep pointing at the user's line numbers. See
/// docs/yaml-compatibility.md.
/// </summary>
internal static class YamlCompatibility
{
    public static string Normalize(string text)
    {
        if (text.IndexOf(":[", StringComparison.Ordinal) < 0 && text.IndexOf(": [", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 64);
        var blockScalarIndent = -1;
        var changed = false;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end + 1;
            var line = text.Substring(position, lineEnd - position);
            var indent = IndentOf(line);
            var isBlank = line.Trim().Length == 0;

            // Inside a block scalar (| or >) every line is text, not YAML: leave it alone.
            if (blockScalarIndent >= 0 && (isBlank || indent > blockScalarIndent))
            {
                builder.Append(line);
            }
            else
            {
                blockScalarIndent = StartsBlockScalar(line) ? indent : -1;
                var rewritten = QuoteColonScalarsInFlowSequence(line);
                changed |= !ReferenceEquals(rewritten, line);
                builder.Append(rewritten);
            }

            position = lineEnd;
        }

        return changed ? builder.ToString() : text;
    }

    private static string QuoteColonScalarsInFlowSequence(string line)
    {
        var open = line.IndexOf(": [", StringComparison.Ordinal);
        open = open < 0 ? line.IndexOf("- [", StringComparison.Ordinal) : open;
        var close = line.LastIndexOf(']');
        if (open < 0 || close < open + 3 || line.Substring(close + 1).Trim().Length > 0)
        {
            return line;
        }

        var start = open + 3;
        var inner = line.Substring(start, close - start);
        // Only simple one-line sequences of plain scalars; anything quoted or nested is left to the reader.
        if (inner.IndexOfAny(new[] { '"', '\'', '[', ']', '{', '}', '#' }) >= 0)
        {
            return line;
        }

        var items = inner.Split(',');
        var needsQuotes = false;
        for (var index = 0; index < items.Length; index++)
        {
            var item = items[index].Trim();
            if (item.IndexOf(':') >= 0 && item.IndexOf(": ", StringComparison.Ordinal) < 0 && !item.EndsWith(":", StringComparison.Ordinal))
            {
                items[index] = "\"" + item.Replace("\\", "\\\\") + "\"";
                needsQuotes = true;
            }
            else
            {
                items[index] = item;
            }
        }

        return needsQuotes
            ? line.Substring(0, start) + string.Join(", ", items) + line.Substring(close)
            : line;
    }

    private static bool StartsBlockScalar(string line)
    {
        var trimmed = line.TrimEnd();
        var colon = trimmed.LastIndexOf(": ", StringComparison.Ordinal);
        var indicator = colon < 0 ? (trimmed.StartsWith("- ", StringComparison.Ordinal) ? trimmed.Substring(2).Trim() : string.Empty) : trimmed.Substring(colon + 2).Trim();
        return indicator.Length > 0 && (indicator[0] == '|' || indicator[0] == '>') && indicator.Length <= 3;
    }

    private static int IndentOf(string line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        return indent;
    }
}
