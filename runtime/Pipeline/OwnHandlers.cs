using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.Pipeline;

/// <summary>
/// The client's own handlers, when no HttpClient is injected: two, because of spans. While someone listens to the
/// client's span, that span is the request's HTTP client span, so HttpClient's own span (a second client span for the
/// same request, one per attempt) is left out of the chain and the client sends the trace context itself
/// (<see cref="CallTelemetry.SendTraceContext"/>). While nobody does, HttpClient's instrumentation stays, as for any
/// other request. Each is made on first use; a process that does not switch its listeners on and off uses one of
/// them, so one connection pool.
/// </summary>
/// <remarks>
/// Each is called through an HttpMessageInvoker: HttpClient's layer would add a linked token source, two
/// registrations and a state machine to every attempt for features (default headers, its own timeout,
/// CancelPendingRequests) this client never uses, and its 100 s default timeout would cut across
/// Configuration.Timeout, which bounds each attempt.
/// </remarks>
internal sealed class OwnHandlers : IDisposable
{
    private readonly IWebProxy? _proxy;
    private readonly Lock _lock = new();
    private HttpMessageInvoker? _withHttpClientSpans;
    private HttpMessageInvoker? _withoutHttpClientSpans;
    private bool _disposed;

    /// <param name="proxy">The proxy, or null for the system's (HTTPS_PROXY and friends).</param>
    public OwnHandlers(IWebProxy? proxy) => _proxy = proxy;

    /// <summary>
    /// Sends one attempt through the handler for a call whose span someone listens to (<paramref name="traced"/>),
    /// or the other; the first has no HttpClient instrumentation to send the trace context, so it is sent here.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, bool traced, CancellationToken cancellationToken)
    {
        if (traced)
        {
            CallTelemetry.SendTraceContext(message);
        }

        return For(traced).SendAsync(message, cancellationToken);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _withHttpClientSpans?.Dispose();
            _withoutHttpClientSpans?.Dispose();
        }
    }

    private HttpMessageInvoker For(bool traced) =>
        (traced ? Volatile.Read(ref _withoutHttpClientSpans) : Volatile.Read(ref _withHttpClientSpans)) ?? Create(traced);

    private HttpMessageInvoker Create(bool traced)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(ApiClient));
            ref HttpMessageInvoker? slot = ref traced ? ref _withoutHttpClientSpans : ref _withHttpClientSpans;
            if (slot is null)
            {
                Volatile.Write(ref slot, new HttpMessageInvoker(CreateHandler(_proxy, httpClientSpans: !traced), disposeHandler: true));
            }

            return slot;
        }
    }

    private static SocketsHttpHandler CreateHandler(IWebProxy? proxy, bool httpClientSpans)
    {
        var handler = new SocketsHttpHandler
        {
            // Null keeps the system proxy (HTTPS_PROXY and friends).
            Proxy = proxy,
            // ResponseDecompression decodes, so an injected HttpClient behaves the same as this one.
            AutomaticDecompression = DecompressionMethods.None,
            // A redirect would carry DD-API-KEY and DD-APPLICATION-KEY to whatever host it names
            // (only Authorization is stripped); Datadog's API does not redirect, so surface it instead.
            AllowAutoRedirect = false,
            // The client is long-lived; recycling connections lets it follow DNS changes of Datadog's hosts.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!httpClientSpans)
        {
            // Without a propagator SocketsHttpHandler leaves its DiagnosticsHandler out: no span and no trace
            // headers of its own. Its metrics stay.
            handler.ActivityHeadersPropagator = null;
        }

        return handler;
    }
}
