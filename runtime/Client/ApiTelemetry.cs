using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace DatadogGen;

/// <summary>
/// The names under which the client reports traces and metrics, for <c>AddSource</c> and <c>AddMeter</c> of
/// OpenTelemetry or for an <see cref="ActivityListener"/>/<see cref="MeterListener"/>. One client span per call
/// (retries are events on it), the duration of each call and the number of retries; no key, token, header value
/// or body is ever recorded.
/// </summary>
public static class ApiTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/>: <c>DatadogGen</c>.</summary>
    public const string ActivitySourceName = "DatadogGen";

    /// <summary>The name of the <see cref="Meter"/>: <c>DatadogGen</c>.</summary>
    public const string MeterName = "DatadogGen";

    /// <summary>The histogram of call durations in seconds, as OpenTelemetry's HTTP client conventions name it.</summary>
    public const string RequestDurationName = "http.client.request.duration";

    /// <summary>The counter of retries made (one per attempt after the first).</summary>
    public const string RetriesName = "datadoggen.client.request.retries";

    /// <summary>The tag that names the operation, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    public const string OperationTag = "datadoggen.operation";

    private static readonly string? Version = typeof(ApiTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);

    internal static readonly Meter Meter = new(MeterName, Version);

    // The bucket boundaries OpenTelemetry's HTTP conventions advise for this histogram.
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        RequestDurationName,
        unit: "s",
        description: "Duration of a Datadog API call, retries and backoff included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetriesName, unit: "{retry}", description: "Attempts sent again after a retryable failure.");
}
