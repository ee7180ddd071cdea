using System;
using System.Collections.Generic;

namespace DatadogGen.Generator.Parsing;

/// <summary>Suggests the known name nearest to a misspelt one (edit distance, ignoring case).</summary>
internal static class ClosestMatch
{
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(3, name.Length / 3) ? best : null;
    }

    private static int Distance(string left, string right)
    {
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var column = 0; column <= right.Length; column++)
        {
            previous[column] = column;
        }

        for (var row = 1; row <= left.Length; row++)
        {
            current[0] = row;
            for (var column = 1; column <= right.Length; column++)
            {
                var substitution = previous[column - 1] + (left[row - 1] == right[column - 1] ? 0 : 1);
                current[column] = Math.Min(substitution, Math.Min(previous[column] + 1, current[column - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
