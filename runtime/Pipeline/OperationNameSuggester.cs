using System;

namespace DatadogGen.Pipeline;

/// <summary>Finds the registered operation name a mistyped one most likely meant.</summary>
internal static class OperationNameSuggester
{
    /// <summary>
    /// Returns the closest candidate, or null when none is close enough to be a useful hint. Tried in order:
    /// a different case, a missing or wrong version prefix, then a few typos.
    /// </summary>
    public static string? FindClosest(string name, string[] candidates)
    {
        // Sorting makes the hint deterministic when several candidates are equally close.
        Array.Sort(candidates, StringComparer.Ordinal);
        return FindIgnoringCase(name, candidates)
            ?? FindBySameOperationId(name, candidates)
            ?? FindByEditDistance(name, candidates);
    }

    private static string? FindIgnoringCase(string name, string[] candidates) =>
        Array.Find(candidates, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));

    private static string? FindBySameOperationId(string name, string[] candidates)
    {
        string operationId = OperationId(name);
        return Array.Find(candidates, c => string.Equals(OperationId(c), operationId, StringComparison.OrdinalIgnoreCase));
    }

    private static string OperationId(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static string? FindByEditDistance(string name, string[] candidates)
    {
        // Allow roughly one typo per eight characters, but at least two: close enough to be the same name.
        int bestDistance = Math.Max(2, name.Length / 8) + 1;
        string? best = null;
        foreach (string candidate in candidates)
        {
            int distance = EditDistanceIgnoringCase(name, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best;
    }

    // Levenshtein distance with two rolling rows; names are short and this only runs on an error path.
    private static int EditDistanceIgnoringCase(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
