using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.Net.Http;

namespace DatadogGen.Pipeline;

/// <summary>
/// The span and the metrics of one call, after OpenTelemetry's HTTP client conventions: a client span named
/// <c>{method} {url.template}</c> from the first attempt to the result, a <c>retry</c> event per retry, and the
/// call's duration recorded once at the end. Only the method, host, port, path template, status, error type and
/// operation name are recorded: never a key, a header value, a query or a body.
/// </summary>
internal readonly struct CallTelemetry
{
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly ApiRequest _request;
    private readonly ServerEndpoint _endpoint;

    // Made once per operation (the name) or per value (status codes and counts, boxed for tags; the port is boxed
    // by its endpoint): a traced call then allocates only what the span itself needs.
    private static readonly ConcurrentDictionary<(HttpMethod Method, string PathTemplate), string> SpanNames = new(SameInstances.Comparer);
    private static readonly object?[] SmallNumberBoxes = new object?[600];

    private CallTelemetry(Activity? activity, bool traced, ApiRequest request, ServerEndpoint endpoint)
    {
        _activity = activity;
        Traced = traced;
        _request = request;
        _endpoint = endpoint;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Someone listens to the client's spans (whether or not this call's was sampled): the call's span is then the
    /// request's HTTP client span, and the client's own handler leaves HttpClient's out (<see cref="OwnHandlers"/>).
    /// </summary>
    public bool Traced { get; }

    public static CallTelemetry Start(ApiRequest request, ServerEndpoint endpoint)
    {
        // Checked first so that a call nobody traces does not build the span's name.
        bool traced = ApiTelemetry.Source.HasListeners();
        Activity? activity = traced ? ApiTelemetry.Source.StartActivity(SpanName(request), ActivityKind.Client) : null;
        // AddTag, not SetTag: every name is new to the span, and SetTag searches the tags for it first.
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddTag("http.request.method", request.Method.Method);
            activity.AddTag("server.address", endpoint.Host);
            activity.AddTag("server.port", endpoint.PortTag);
            activity.AddTag("url.template", request.PathTemplate);
            activity.AddTag(ApiTelemetry.OperationTag, request.OperationName);
        }

        return new CallTelemetry(activity, traced, request, endpoint);
    }

    /// <summary>
    /// Puts the current trace context (the call's span, or the caller's when the call's was not sampled) into the
    /// request's headers as HttpClient's instrumentation would: through the process's propagator (W3C
    /// <c>traceparent</c> by default), never replacing a header the request already has.
    /// </summary>
    public static void SendTraceContext(HttpRequestMessage message)
    {
        if (Activity.Current is { } current)
        {
            DistributedContextPropagator.Current.Inject(current, message, static (carrier, name, value) =>
            {
                if (carrier is HttpRequestMessage request && name is not null && !request.Headers.Contains(name))
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
            });
        }
    }

    private static string SpanName(ApiRequest request)
    {
        var key = (request.Method, request.PathTemplate);
        if (SpanNames.TryGetValue(key, out string? name))
        {
            return name;
        }

        name = request.Method.Method + " " + request.PathTemplate;
        // Generated code passes the same string instances on every call; a caller that builds them per call
        // would otherwise grow the cache without end.
        if (SpanNames.Count < SameInstances.MaxEntries)
        {
            SpanNames.TryAdd(key, name);
        }

        return name;
    }

    // Keys compared by reference: hashing a path template's characters on every call costs more than making the
    // name did.
    private sealed class SameInstances : IEqualityComparer<(HttpMethod Method, string PathTemplate)>
    {
        public const int MaxEntries = 10_000;

        public static readonly SameInstances Comparer = new();

        public bool Equals((HttpMethod Method, string PathTemplate) x, (HttpMethod Method, string PathTemplate) y) =>
            ReferenceEquals(x.Method, y.Method) && ReferenceEquals(x.PathTemplate, y.PathTemplate);

        public int GetHashCode((HttpMethod Method, string PathTemplate) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Method), RuntimeHelpers.GetHashCode(key.PathTemplate));
    }

    /// <summary>Notes that attempt <paramref name="retry"/> + 1 failed and another follows after <paramref name="delay"/>.</summary>
    public void Retrying(int retry, in Attempt failed, TimeSpan delay)
    {
        int? statusCode = failed.Failure is null ? failed.Response?.StatusCode : null;
        string errorType = statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ErrorTypeOf(failed);
        if (_activity is { IsAllDataRequested: true })
        {
            var tags = new ActivityTagsCollection
            {
                ["http.request.resend_count"] = retry + 1,
                ["error.type"] = errorType,
                ["datadoggen.retry.delay"] = delay.TotalSeconds,
            };
            if (statusCode is { } status)
            {
                tags["http.response.status_code"] = status;
            }

            _activity.AddEvent(new ActivityEvent("retry", tags: tags));
        }

        if (ApiTelemetry.Retries.Enabled)
        {
            var tags = CommonTags();
            tags.Add("error.type", errorType);
            ApiTelemetry.Retries.Add(1, tags);
        }
    }

    public void Succeeded(int statusCode, int retries) => End(statusCode, errorType: null, retries);

    public void Failed(Exception exception, int retries)
    {
        int? statusCode = exception is ApiException { StatusCode: > 0 } api ? api.StatusCode : null;
        End(statusCode, ErrorTypeOf(exception, statusCode), retries);
    }

    private void End(int? statusCode, string? errorType, int retries)
    {
        if (_activity is not null)
        {
            if (statusCode is { } status)
            {
                _activity.AddTag("http.response.status_code", Box(status));
            }

            if (retries > 0)
            {
                _activity.AddTag("http.request.resend_count", Box(retries));
            }

            if (errorType is not null)
            {
                _activity.AddTag("error.type", errorType);
                // The description is the error type, not the exception's message: that may quote the body.
                _activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            _activity.Dispose();
        }

        if (ApiTelemetry.RequestDuration.Enabled)
        {
            var tags = CommonTags();
            if (statusCode is { } status)
            {
                tags.Add("http.response.status_code", Box(status));
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            ApiTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }
    }

    private TagList CommonTags() => new()
    {
        { "http.request.method", _request.Method.Method },
        { "server.address", _endpoint.Host },
        { "server.port", _endpoint.PortTag },
        { "url.template", _request.PathTemplate },
        { ApiTelemetry.OperationTag, _request.OperationName },
    };

    private static object Box(int value) =>
        (uint)value < (uint)SmallNumberBoxes.Length ? SmallNumberBoxes[value] ??= value : value;

    // As the conventions ask: the status code for an error status, "timeout" for a timeout, else the type of the
    // exception that ended the call (a cancellation, or what the connection failed with).
    private static string ErrorTypeOf(Exception exception, int? statusCode) => exception switch
    {
        ApiTimeoutException => "timeout",
        ApiException when statusCode is >= 400 => statusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ApiException { InnerException: { } cause } => cause.GetType().FullName!,
        _ => exception.GetType().FullName!,
    };

    private static string ErrorTypeOf(in Attempt failed) =>
        failed.Timeout is not null ? "timeout" : failed.Failure!.GetType().FullName!;
}
