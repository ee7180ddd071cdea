using System.Collections.Generic;
using System.Globalization;

namespace DatadogGen;

/// <summary>
/// Datadog's rate-limit headers of one response (<c>x-ratelimit-limit</c>, <c>-period</c>, <c>-remaining</c>,
/// <c>-reset</c>, <c>-name</c>); a value is null when its header is absent or not a number.
/// </summary>
/// <param name="Limit">Requests allowed per period.</param>
/// <param name="Period">The length of the period, in seconds.</param>
/// <param name="Remaining">Requests left in the current period.</param>
/// <param name="Reset">Seconds until the current period ends.</param>
/// <param name="Name">The name of the rate limit, e.g. <c>incidents</c>.</param>
public sealed record ApiRateLimit(int? Limit, int? Period, int? Remaining, int? Reset, string? Name)
{
    internal static readonly ApiRateLimit None = new(null, null, null, null, null);

    internal static ApiRateLimit From(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        string? name = ResponseHeaders.First(headers, "X-RateLimit-Name");
        int? limit = Number(headers, "X-RateLimit-Limit");
        int? period = Number(headers, "X-RateLimit-Period");
        int? remaining = Number(headers, "X-RateLimit-Remaining");
        int? reset = Number(headers, "X-RateLimit-Reset");
        return name is null && limit is null && period is null && remaining is null && reset is null
            ? None
            : new ApiRateLimit(limit, period, remaining, reset, name);
    }

    private static int? Number(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string name) =>
        int.TryParse(ResponseHeaders.First(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
