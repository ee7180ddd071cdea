using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>
/// JSON equality as the spec means it: object key order ignored, numbers compared numerically, date-times
/// compared as instants to the 100 ns tick (DateTimeOffset's resolution; Datadog sends up to 9 fractional digits).
/// Also compiled into DatadogGen.FullSpec.Tests (linked), which compares Datadog's recorded traffic with it.
/// </summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var difference = Difference(expected, actual);
        Assert.True(difference is null, $"JSON differs at {difference}\nexpected: {expected}\nactual:   {actual}");
    }

    /// <summary>Where the two documents first differ (a JSONPath and both values), or null when they are equal.</summary>
    public static string? Difference(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        return FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
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
                if (left == right || (TryParseInstant(left, out var leftTicks) && TryParseInstant(right, out var rightTicks) && leftTicks == rightTicks))
                {
                    return null;
                }

                return $"{path}: \"{left}\" vs \"{right}\"";
            case JsonValueKind.Number:
                return SameNumber(expected, actual) ? null : $"{path}: {expected} vs {actual}";
            default:
                return null;
        }
    }

    private static bool SameNumber(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetDecimal(out var left) && actual.TryGetDecimal(out var right))
        {
            return left == right;
        }

        // Beyond decimal's range (e.g. 1e300): as doubles, which is what the generated models hold anyway.
        return expected.GetDouble().Equals(actual.GetDouble());
    }

    /// <summary>
    /// An ISO 8601 date-time as UTC ticks. Fractional digits past the seventh are dropped (truncated to the tick)
    /// before parsing, so "…:33.421258123Z" and "…:33.4212581+00:00" are the same instant.
    /// </summary>
    private static bool TryParseInstant(string text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':')
        {
            return false;
        }

        var dot = text.IndexOf('.', 19);
        if (dot == 19)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = text[..(dot + 8)] + text[end..];
            }
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return false;
        }

        utcTicks = value.UtcTicks;
        return true;
    }
}
