using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// Finds operations that declare <c>security: []</c> (no credentials at all, e.g. Datadog's ValidateCsvBudget).
/// Microsoft.OpenApi 1.6 gives an empty list for that and for no security key alike, and only the second means
/// "use the document's default", so the YAML text itself is read. JSON specs fall back to the default.
/// </summary>
internal static class ExplicitNoSecurity
{
    private static readonly Regex OperationKey = new(@"^(?<indent> *)(get|put|post|delete|patch|options|head|trace):\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex OperationId = new(@"^ *operationId:\s*[""']?(?<id>[^""'#\s]+)", RegexOptions.CultureInvariant);
    private static readonly Regex EmptySecurity = new(@"^ *security:\s*\[\s*\]\s*(#.*)?$", RegexOptions.CultureInvariant);

    public static HashSet<string> FindOperationIds(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (text.IndexOf("security: []", StringComparison.Ordinal) < 0)
        {
            return found;
        }

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var start = OperationKey.Match(lines[index]);
            if (!start.Success)
            {
                continue;
            }

            var indent = start.Groups["indent"].Length;
            string? operationId = null;
            var noSecurity = false;
            for (index++; index < lines.Length && (lines[index].Trim().Length == 0 || IndentOf(lines[index]) > indent); index++)
            {
                var isDirectChild = IndentOf(lines[index]) == indent + 2;
                operationId ??= isDirectChild && OperationId.Match(lines[index]) is { Success: true } id ? id.Groups["id"].Value : null;
                noSecurity |= isDirectChild && EmptySecurity.IsMatch(lines[index].TrimEnd('\r'));
            }

            index--;
            if (noSecurity && operationId is not null)
            {
                found.Add(operationId);
            }
        }

        return found;
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
