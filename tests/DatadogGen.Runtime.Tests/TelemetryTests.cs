using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>
/// The span, metrics and structured log events of real calls to a loopback server, seen through the BCL's
/// ActivityListener and MeterListener. Listeners are process-wide, so each test names an operation of its own and
/// looks only at what carries it.
/// </summary>
public sealed class TelemetryTests
{
    private const string ApiKey = "telemetry-test-api-key-0123456789";
    private const string ApplicationKey = "telemetry-test-application-key-0123456789";

    [Fact]
    public async Task ASuccessfulCallIsOneClientSpanAndOneDurationWithTheConventionsTags()
    {
        const string operation = "v2.TelemetrySuccess";
        using var recorder = new TelemetryRecorder(operation);
        await using LoopbackServer server = await Script(Ok());
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress, ApiKey, ApplicationKey));

        await client.SendAsync(Request(operation, "item-42"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Activity span = Assert.Single(recorder.Spans);
        Assert.Equal("GET /api/v2/items/{item_id}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(server.BaseAddress.Port, span.GetTagItem("server.port"));
        Assert.Equal("/api/v2/items/{item_id}", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(operation, span.GetTagItem("datadoggen.operation"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Empty(span.Events);

        Measurement duration = Assert.Single(recorder.Durations);
        Assert.True(duration.Value is > 0 and < 60, $"duration {duration.Value} s");
        Assert.Equal("GET", duration.Tags["http.request.method"]);
        Assert.Equal("/api/v2/items/{item_id}", duration.Tags["url.template"]);
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Equal(operation, duration.Tags["datadoggen.operation"]);
        Assert.Empty(recorder.Retries);
        recorder.AssertNoSecret(ApiKey, ApplicationKey, "item-42");
    }

    [Fact]
    public async Task RetriesAreEventsOnTheCallsSpanAndCountedWithTheirCause()
    {
        const string operation = "v2.TelemetryRetry";
        using var recorder = new TelemetryRecorder(operation);
        await using LoopbackServer server = await Script(Status(503), Status(429), Ok());
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        await client.SendAsync(Request(operation, "x"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Activity span = Assert.Single(recorder.Spans);
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(["retry", "retry"], span.Events.Select(e => e.Name));
        Assert.Equal([503, 429], span.Events.Select(e => e.Tags.First(tag => tag.Key == "http.response.status_code").Value));
        Assert.Equal([1, 2], span.Events.Select(e => e.Tags.First(tag => tag.Key == "http.request.resend_count").Value));
        Assert.Equal(["503", "429"], recorder.Retries.Select(r => r.Tags["error.type"]));
        Assert.All(recorder.Retries, r => Assert.Equal(1.0, r.Value));
        Assert.Single(recorder.Durations);
    }

    [Fact]
    public async Task AFailedCallMarksTheSpanAndDurationWithItsErrorType()
    {
        const string operation = "v2.TelemetryFailure";
        using var recorder = new TelemetryRecorder(operation);
        await using LoopbackServer server = await Script(Status(404, """{"errors":["not found: telemetry-test-api-key-0123456789"]}"""));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress, ApiKey, ApplicationKey));

        await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Request(operation, "x"), TestModels.ReadItemResponse, null, CancellationToken.None));

        Activity span = Assert.Single(recorder.Spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal("404", Assert.Single(recorder.Durations).Tags["error.type"]);
        // The body echoed the key: neither the body nor the message reaches the span.
        recorder.AssertNoSecret(ApiKey, ApplicationKey, "not found");
    }

    [Fact]
    public async Task ATimeoutIsErrorTypeTimeout()
    {
        const string operation = "v2.TelemetryTimeout";
        using var recorder = new TelemetryRecorder(operation);
        await using LoopbackServer server = await Script(Hang());
        Configuration configuration = TestConfiguration.For(server.BaseAddress);
        configuration.Timeout = TimeSpan.FromMilliseconds(150);
        using var client = new ApiClient(configuration);

        await Assert.ThrowsAsync<ApiTimeoutException>(
            () => WithinHangGuard(client.SendAsync(Request(operation, "x"), TestModels.ReadItemResponse, null, CancellationToken.None)));

        Assert.Equal("timeout", Assert.Single(recorder.Spans).GetTagItem("error.type"));
        Assert.Equal("timeout", Assert.Single(recorder.Durations).Tags["error.type"]);
    }

    [Fact]
    public async Task ATracedCallIsOneClientSpanThatEveryAttemptSendsAsTraceparent()
    {
        const string operation = "v2.TelemetryOneSpan";
        using var recorder = new TelemetryRecorder(operation);
        await using LoopbackServer server = await Script(Status(503), Ok());
        using var httpClientSpans = new HttpClientSpans(server.BaseAddress.Port);
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        await client.SendAsync(Request(operation, "x"), TestModels.ReadItemResponse, null, CancellationToken.None);

        // HttpClient's span would be a second client span for each attempt of the same request.
        Activity span = Assert.Single(recorder.Spans);
        Assert.Empty(httpClientSpans.Spans);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, sent => Assert.Equal($"00-{span.TraceId}-{span.SpanId}-01", sent.Headers["traceparent"]));
    }

    [Fact]
    public async Task WithoutListenersOnTheClientHttpClientsOwnSpansStay()
    {
        await using LoopbackServer server = await Script(Ok());
        using var httpClientSpans = new HttpClientSpans(server.BaseAddress.Port);
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        await client.SendAsync(Request("v2.TelemetryHttpClientOnly", "x"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Activity attempt = Assert.Single(httpClientSpans.Spans);
        Assert.Equal($"00-{attempt.TraceId}-{attempt.SpanId}-01", server.SingleRequest.Headers["traceparent"]);
    }

    [Fact]
    public async Task ATracedCallNotSampledSendsTheCallersTraceContext()
    {
        using var notSampled = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
        };
        ActivitySource.AddActivityListener(notSampled);
        await using LoopbackServer server = await Script(Ok());
        using var httpClientSpans = new HttpClientSpans(server.BaseAddress.Port);
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();

        await client.SendAsync(Request("v2.TelemetryNotSampled", "x"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Assert.Empty(httpClientSpans.Spans);
        Assert.Equal(caller.Id, server.SingleRequest.Headers["traceparent"]);
    }

    [Fact]
    public async Task AnInjectedHttpClientsSpansAreChildrenOfTheCallsSpan()
    {
        const string operation = "v2.TelemetryInjected";
        using var recorder = new TelemetryRecorder(operation);
        await using LoopbackServer server = await Script(Ok());
        using var httpClientSpans = new HttpClientSpans(server.BaseAddress.Port);
        using var httpClient = new HttpClient();
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress), httpClient);

        await client.SendAsync(Request(operation, "x"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Activity span = Assert.Single(recorder.Spans);
        Activity attempt = Assert.Single(httpClientSpans.Spans);
        Assert.Equal(span.SpanId, attempt.ParentSpanId);
        Assert.Equal($"00-{attempt.TraceId}-{attempt.SpanId}-01", server.SingleRequest.Headers["traceparent"]);
    }

    [Fact]
    public async Task StructuredLogEventsCarryAnIdANameAndFieldsWithKeysMasked()
    {
        const string operation = "v2.TelemetryLog";
        await using LoopbackServer server = await Script(Status(500, $"echo {ApiKey}"), Status(400));
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        configuration.ApiKey = ApiKey;
        var events = new ConcurrentQueue<ApiLogEvent>();
        configuration.StructuredLog = events.Enqueue;
        using var client = new ApiClient(configuration);

        await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Request(operation, "x"), TestModels.ReadItemResponse, null, CancellationToken.None));

        Assert.Equal(
            [ApiLogEvents.AttemptSending, ApiLogEvents.AttemptCompleted, ApiLogEvents.RetryScheduled,
             ApiLogEvents.AttemptSending, ApiLogEvents.AttemptCompleted, ApiLogEvents.CallFailed],
            events.Select(e => e.Id));
        ApiLogEvent retry = events.Single(e => e.Id == ApiLogEvents.RetryScheduled);
        Assert.Equal("RetryScheduled", retry.Name);
        Assert.Equal(ApiLogLevel.Information, retry.Level);
        Assert.Equal("{Operation}: {Outcome}; retry {Retry} of {MaxRetries} in {Delay}.", retry.MessageTemplate);
        Assert.Equal(
            [("Operation", (object?)operation), ("Outcome", "500 Internal Server Error"), ("Retry", 1), ("MaxRetries", 3), ("Delay", "0.01 s")],
            retry.Fields.Select(f => (f.Key, f.Value)));
        Assert.Equal(("{OriginalFormat}", (object?)retry.MessageTemplate), (retry[^1].Key, retry[^1].Value));

        // A 400 after a retried 500 is not "out of retries": the event says why the client stopped.
        ApiLogEvent failed = events.Single(e => e.Id == ApiLogEvents.CallFailed);
        Assert.Equal("v2.TelemetryLog: 400 Bad Request; giving up after 2 attempts: 400 Bad Request is not retried.", failed.Message);
        Assert.Equal(2, failed.Fields.Single(f => f.Key == "Attempts").Value);
        Assert.All(events, e => Assert.DoesNotContain(ApiKey, e.Message + string.Join(" ", e.Fields.Select(f => f.Value))));
    }

    private static ApiRequest Request(string operation, string itemId) =>
        new(operation, HttpMethod.Get, "/api/v2/items/{item_id}", "/api/v2/items/" + ApiRequest.EscapePathSegment(itemId));

    /// <summary>HttpClient's own spans of requests to one port (other tests' requests run at the same time).</summary>
    private sealed class HttpClientSpans : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _spans = new();

        public HttpClientSpans(int port)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "System.Net.Http",
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (Equals(activity.GetTagItem("server.port"), port))
                    {
                        _spans.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Spans => [.. _spans];

        public void Dispose() => _listener.Dispose();
    }

    internal sealed record Measurement(double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>Listens to the DatadogGen source and meter, keeping what one operation produced.</summary>
    private sealed class TelemetryRecorder : IDisposable
    {
        private readonly string _operation;
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();
        private readonly ConcurrentQueue<Activity> _spans = new();
        private readonly ConcurrentQueue<Measurement> _durations = new();
        private readonly ConcurrentQueue<Measurement> _retries = new();

        public TelemetryRecorder(string operation)
        {
            _operation = operation;
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == ApiTelemetry.ActivitySourceName,
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (Equals(activity.GetTagItem(ApiTelemetry.OperationTag), _operation))
                    {
                        _spans.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ApiTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
        }

        public IReadOnlyList<Activity> Spans => [.. _spans];

        public IReadOnlyList<Measurement> Durations => [.. _durations];

        public IReadOnlyList<Measurement> Retries => [.. _retries];

        public void AssertNoSecret(params string[] secrets)
        {
            var recorded = new List<string>();
            foreach (Activity span in _spans)
            {
                recorded.Add(span.DisplayName);
                recorded.Add(span.StatusDescription ?? "");
                recorded.AddRange(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
                recorded.AddRange(span.Events.SelectMany(e => e.Tags.Select(tag => $"{tag.Key}={tag.Value}")));
            }

            recorded.AddRange(_durations.Concat(_retries).SelectMany(m => m.Tags.Select(tag => $"{tag.Key}={tag.Value}")));
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(recorded, text => text.Contains(secret, StringComparison.Ordinal));
            }
        }

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (!Equals(copy.GetValueOrDefault(ApiTelemetry.OperationTag), _operation))
            {
                return;
            }

            (instrument.Name == ApiTelemetry.RequestDurationName ? _durations : _retries).Enqueue(new Measurement(value, copy));
        }
    }
}
