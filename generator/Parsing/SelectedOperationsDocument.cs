using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// The text of a spec cut down to the operations <c>DatadogGenOperations</c> selects and the schemas they reach.
/// Microsoft.OpenApi.Readers loads all of a document and builds every schema whether it is used or not: on
/// Datadog's v2 spec (4.2 MB, 5,202 schemas) that is about 2 s, almost all of a one-operation run. Datadog's
/// specs are block-style YAML, so the path items, operations and schemas are blocks of lines found by their
/// indentation without parsing YAML; the selected ones and the schemas their <c>#/components/schemas/</c>
/// references reach, transitively, are copied verbatim. Anything that does not look like that layout (JSON,
/// flow style, a name that is not a literal operationId) is read whole. The cut-down text's line numbers are
/// not the spec's, so SpecReader uses it only when it reads without any error, and otherwise reads the whole
/// spec, which reports errors where they are.
/// </summary>
internal static class SelectedOperationsDocument
{
    private static readonly Regex SchemaReference = new(@"#/components/schemas/([^\s'""#/]+)", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal)
    {
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    };

    /// <summary>The cut-down YAML, or null when the whole text should be read.</summary>
    public static string? TryCreate(string text, string selection)
    {
        var operationIds = new HashSet<string>(OperationSelection.Names(selection).Select(OperationSelection.OperationId), StringComparer.Ordinal);
        if (operationIds.Count == 0)
        {
            return null;
        }

        var lines = text.Split('\n');
        var top = Children(lines, new Block(string.Empty, -1, lines.Length), expectedIndent: 0);
        var paths = top?.FirstOrDefault(block => block.Key == "paths");
        var components = top?.FirstOrDefault(block => block.Key == "components");
        if (top is null || paths is null)
        {
            return null;
        }

        var output = new StringBuilder();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in top)
        {
            if (block == paths)
            {
                if (!AppendSelectedPaths(output, lines, paths, operationIds, found))
                {
                    return null;
                }
            }
            else if (block != components)
            {
                Append(output, lines, block.Start, block.End);
            }
        }

        if (found.Count != operationIds.Count)
        {
            return null;
        }

        return components is null || AppendComponents(output, lines, components) ? output.ToString() : null;
    }

    private static bool AppendSelectedPaths(StringBuilder output, string[] lines, Block paths, HashSet<string> operationIds, HashSet<string> found)
    {
        var items = Children(lines, paths, expectedIndent: null);
        if (items is null)
        {
            return false;
        }

        Append(output, lines, paths.Start, paths.Start + 1);
        foreach (var item in items)
        {
            var entries = Children(lines, item, expectedIndent: null);
            if (entries is null)
            {
                return false;
            }

            var selected = new HashSet<Block>();
            foreach (var entry in entries.Where(entry => Methods.Contains(entry.Key)))
            {
                if (OperationId(lines, entry) is { } id && operationIds.Contains(id))
                {
                    selected.Add(entry);
                    found.Add(id);
                }
            }

            if (selected.Count == 0)
            {
                continue;
            }

            Append(output, lines, item.Start, item.Start + 1);
            foreach (var entry in entries.Where(entry => !Methods.Contains(entry.Key) || selected.Contains(entry)))
            {
                Append(output, lines, entry.Start, entry.End);
            }
        }

        return true;
    }

    private static bool AppendComponents(StringBuilder output, string[] lines, Block components)
    {
        var kinds = Children(lines, components, expectedIndent: null);
        var schemas = kinds?.FirstOrDefault(kind => kind.Key == "schemas");
        var schemaBlocks = schemas is null ? null : Children(lines, schemas, expectedIndent: null);
        if (kinds is null || (schemas is not null && schemaBlocks is null))
        {
            return false;
        }

        Append(output, lines, components.Start, components.Start + 1);
        foreach (var kind in kinds.Where(kind => kind != schemas))
        {
            Append(output, lines, kind.Start, kind.End);
        }

        if (schemas is null)
        {
            return true;
        }

        var reached = ReachableSchemas(output.ToString(), lines, schemaBlocks!);
        if (reached.Count * 2 > schemaBlocks!.Count)
        {
            // Most of the spec is needed anyway; reading the cut-down text would only add work.
            return false;
        }

        Append(output, lines, schemas.Start, schemas.Start + 1);
        foreach (var schema in schemaBlocks.Where(schema => reached.Contains(schema.Key)))
        {
            Append(output, lines, schema.Start, schema.End);
        }

        return true;
    }

    // Schemas named by a reference ($ref, or a discriminator mapping) in the kept text, and those they name.
    private static HashSet<string> ReachableSchemas(string keptText, string[] lines, List<Block> schemas)
    {
        var byName = new Dictionary<string, Block>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            byName[schema.Key] = schema;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(keptText);
        while (pending.Count > 0)
        {
            foreach (Match match in SchemaReference.Matches(pending.Pop()))
            {
                var name = match.Groups[1].Value.Replace("~1", "/").Replace("~0", "~");
                if (byName.TryGetValue(name, out var schema) && reached.Add(name))
                {
                    pending.Push(string.Join("\n", lines, schema.Start, schema.End - schema.Start));
                }
            }
        }

        return reached;
    }

    /// <summary>
    /// The blocks directly inside <paramref name="parent"/>: each starts with a <c>key:</c> line at the child
    /// indentation and runs to the next one. Null when a line at that indentation is not a plain mapping key
    /// (a sequence, a flow collection): then the layout is not one this class understands.
    /// </summary>
    private static List<Block>? Children(string[] lines, Block parent, int? expectedIndent)
    {
        var blocks = new List<Block>();
        var indent = expectedIndent;
        string? key = null;
        var start = -1;
        for (var index = parent.Start + 1; index < parent.End; index++)
        {
            var line = lines[index];
            var lineIndent = Indentation(line);
            if (lineIndent < 0)
            {
                continue; // blank or comment
            }

            indent ??= lineIndent;
            if (lineIndent < indent)
            {
                return null;
            }

            if (lineIndent > indent)
            {
                if (key is null)
                {
                    return null;
                }

                continue;
            }

            if (key is not null)
            {
                blocks.Add(new Block(key, start, index));
            }

            key = Key(line, lineIndent);
            if (key is null)
            {
                return null;
            }

            start = index;
        }

        if (key is not null)
        {
            blocks.Add(new Block(key, start, parent.End));
        }

        return blocks;
    }

    private static string? OperationId(string[] lines, Block operation)
    {
        var fields = Children(lines, operation, expectedIndent: null);
        var field = fields?.FirstOrDefault(block => block.Key == "operationId");
        if (field is null)
        {
            return null;
        }

        var line = lines[field.Start];
        return Unquote(line.Substring(line.IndexOf(':') + 1).Trim());
    }

    // "key:" or "key: value" at the given indentation, the key plain or quoted; null for anything else.
    private static string? Key(string line, int indent)
    {
        var rest = line.Substring(indent).TrimEnd('\r');
        if (rest.Length == 0 || rest[0] is '-' or '{' or '[' or '?' or '&' or '*' or '|' or '>')
        {
            return null;
        }

        int colon;
        if (rest[0] is '"' or '\'')
        {
            var close = rest.IndexOf(rest[0], 1);
            colon = close < 0 ? -1 : rest.IndexOf(':', close);
        }
        else
        {
            colon = rest.IndexOf(": ", StringComparison.Ordinal) is var spaced and >= 0 ? spaced : rest.EndsWith(":", StringComparison.Ordinal) ? rest.Length - 1 : -1;
        }

        return colon <= 0 ? null : Unquote(rest.Substring(0, colon).Trim());
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : value;

    // Spaces before the first character, or -1 for a blank or comment line. A tab makes the layout unknown.
    private static int Indentation(string line)
    {
        for (var index = 0; index < line.Length; index++)
        {
            switch (line[index])
            {
                case ' ':
                    continue;
                case '\r':
                    return -1;
                case '#':
                    return -1;
                case '\t':
                    return int.MaxValue;
                default:
                    return index;
            }
        }

        return -1;
    }

    private static void Append(StringBuilder output, string[] lines, int start, int end)
    {
        for (var index = start; index < end; index++)
        {
            output.Append(lines[index]).Append('\n');
        }
    }

    private sealed record Block(string Key, int Start, int End);
}
