using System;
using System.Collections.Generic;
using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator;

/// <summary>
/// Which generated types share a source file. A small spec gets a file per type, easy to read; a large one is
/// grouped by the first letter of the type name, because thousands of syntax trees cost the compiler and the IDE
/// more than a few dozen larger ones (measured on Datadog's v2 spec: 5,084 files compiled in 55-64 s, the same code
/// in 51 files in 36-42 s; see docs/BENCHMARKS.md). Grouping by name keeps it deterministic, and an edit to one
/// schema re-emits only its group.
/// </summary>
internal static class TypeFiles
{
    public const int MaxTypesForFilePerType = 256;

    public static IEnumerable<(string Key, EquatableArray<TypeSpec> Types)> Group(EquatableArray<TypeSpec> types)
    {
        if (types.Count <= MaxTypesForFilePerType)
        {
            return types.Select(type => (type.Name.TrimStart('@'), new[] { type }.ToEquatableArray()));
        }

        return types
            .GroupBy(type => "Models." + Bucket(type.Name), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, group.ToEquatableArray()));
    }

    private static string Bucket(string typeName)
    {
        var first = typeName.TrimStart('@', '_');
        return first.Length > 0 && first[0] is >= 'A' and <= 'Z' or >= 'a' and <= 'z'
            ? char.ToUpperInvariant(first[0]).ToString()
            : "Other";
    }
}
