using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>JSON equality as the spec means it: object key order ignored, date-times compared as instants.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        var difference = FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
        Assert.True(difference is null, $"JSON differs at {difference}\nexpected: {expected}\nactual:   {actual}");
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} vs {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!expectedNames.SequenceEqual(actualNames))
                {
                    return $"{path}: keys [{string.Join(",", expectedNames)}] vs [{string.Join(",", actualNames)}]";
                }

                return expectedNames
                    .Select(name => FindDifference(expected.GetProperty(name), actual.GetProperty(name), path + "." + name))
                    .FirstOrDefault(found => found is not null);
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: length {expected.GetArrayLength()} vs {actual.GetArrayLength()}";
                }

                return expected.EnumerateArray().Zip(actual.EnumerateArray())
                    .Select((pair, index) => FindDifference(pair.First, pair.Second, $"{path}[{index}]"))
                    .FirstOrDefault(found => found is not null);
            case JsonValueKind.String:
                var left = expected.GetString()!;
                var right = actual.GetString()!;
                if (left == right || (IsDateTime(left, out var leftInstant) && IsDateTime(right, out var rightInstant) && SameInstant(leftInstant, rightInstant)))
                {
                    return null;
                }

                return $"{path}: \"{left}\" vs \"{right}\"";
            case JsonValueKind.Number:
                return expected.GetDecimal() == actual.GetDecimal() ? null : $"{path}: {expected} vs {actual}";
            default:
                return null;
        }
    }

    private static bool IsDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        return text.Length >= 20 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out value);
    }

    // DateTimeOffset keeps 100 ns ticks; Datadog sends up to 9 fractional digits, so compare to the tick.
    private static bool SameInstant(DateTimeOffset left, DateTimeOffset right) => left.UtcTicks == right.UtcTicks;
}
