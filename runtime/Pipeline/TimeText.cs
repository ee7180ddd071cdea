using System;
using System.Globalization;
using System.Threading;

namespace DatadogGen.Pipeline;

/// <summary>Durations in messages and log lines: seconds, invariant culture, e.g. <c>0.25 s</c>.</summary>
internal static class TimeText
{
    public static string Seconds(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? "infinite" : Seconds(span.TotalSeconds);

    public static string Seconds(double seconds) =>
        seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
