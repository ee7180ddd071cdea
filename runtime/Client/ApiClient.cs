using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen;

/// <summary>
/// Sends the requests of generated clients to Datadog and turns the answers into results or exceptions:
/// <see cref="ApiException"/> (a timeout is its <see cref="ApiTimeoutException"/>), or
/// <see cref="OperationCanceledException"/> for the caller's token. Retries, timeout, compression and logging follow <see cref="Configuration"/>.
/// </summary>
[DebuggerDisplay("ApiClient {Configuration,nq}")]
public sealed partial class ApiClient : IDisposable
{
    // Exactly one of the two: an injected HttpClient is sent through as is.
    private readonly OwnHandlers? _ownHandlers;
    private readonly HttpClient? _injectedHttpClient;
    private readonly ServerEndpoint.Cache _endpoints = new();
    private bool _disposed;

    /// <summary>Creates a client.</summary>
    /// <param name="configuration">Site, keys, retries, timeout and the rest; read again at the start of every call.</param>
    /// <param name="httpClient">
    /// The HttpClient to send with, left open by <see cref="Dispose"/>; when null the client makes its own handler (no
    /// redirects, no timeout but <see cref="Configuration.Timeout"/>) and disposes it.
    /// An injected client's own <c>Timeout</c> still applies and also ends in <see cref="ApiTimeoutException"/>.
    /// </param>
    public ApiClient(Configuration configuration, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        _injectedHttpClient = httpClient;
        _ownHandlers = httpClient is null ? new OwnHandlers(configuration.Proxy) : null;
    }

    /// <summary>The configuration used for every call.</summary>
    public Configuration Configuration { get; }

    /// <summary>Sends a request whose success body is a generated type, as <see cref="SendAsync{T}"/> does.</summary>
    /// <typeparam name="T">The generated model, enum or union.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="readError">Reads the typed error model of a non-2xx response, if the operation declares one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, headers and parsed body.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<ApiResponse<T>> SendJsonAsync<T>(ApiRequest request, ErrorReader? readError, CancellationToken cancellationToken)
        where T : IJsonValue<T> =>
        SendAsync<T, ApiResponse<T>, WholeResponse<T>>(request, JsonResponse<T>.Read, readError, cancellationToken);

    /// <summary>As <see cref="SendJsonAsync{T}"/>, returning only the parsed body (the generated <c>XAsync</c> methods).</summary>
    /// <typeparam name="T">The generated model, enum or union.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="readError">Reads the typed error model of a non-2xx response, if the operation declares one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The parsed body.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T> SendJsonForDataAsync<T>(ApiRequest request, ErrorReader? readError, CancellationToken cancellationToken)
        where T : IJsonValue<T> =>
        SendAsync<T, T, DataOnly<T>>(request, JsonResponse<T>.Read, readError, cancellationToken);

    /// <summary>Sends a request whose success body is not read, as <see cref="SendAsync{T}"/> does.</summary>
    /// <param name="request">The request.</param>
    /// <param name="readError">Reads the typed error model of a non-2xx response, if the operation declares one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status and headers.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<ApiResponse<object?>> SendWithoutBodyAsync(ApiRequest request, ErrorReader? readError, CancellationToken cancellationToken) =>
        SendAsync<object?, ApiResponse<object?>, WholeResponse<object?>>(request, static (statusCode, body) => null, readError, cancellationToken);

    /// <summary>As <see cref="SendAsync{T}"/>, returning only the parsed body (the generated <c>XAsync</c> methods).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="readResponse">Reads the body of a 2xx response.</param>
    /// <param name="readError">Reads the typed error model of a non-2xx response, if the operation declares one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The parsed body.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T> SendForDataAsync<T>(ApiRequest request, ResponseReader<T> readResponse, ErrorReader? readError, CancellationToken cancellationToken) =>
        SendAsync<T, T, DataOnly<T>>(request, readResponse, readError, cancellationToken);

    /// <summary>Sends one request, retrying as configured, and reads the whole response.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="readResponse">Reads the body of a 2xx response.</param>
    /// <param name="readError">Reads the typed error model of a non-2xx response, if the operation declares one.</param>
    /// <param name="cancellationToken">Cancels the call, a backoff wait included, at once.</param>
    /// <returns>The status, headers and parsed body.</returns>
    /// <exception cref="ApiException">
    /// No complete response arrived, the status was not 2xx, or the body of a 2xx response could not be read.
    /// </exception>
    /// <exception cref="ApiTimeoutException">The last attempt took longer than the timeout.</exception>
    /// <exception cref="InvalidOperationException">
    /// The address is plain http to a host that is not loopback and <see cref="Configuration.AllowInsecureHttp"/> is off.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<ApiResponse<T>> SendAsync<T>(
        ApiRequest request,
        ResponseReader<T> readResponse,
        ErrorReader? readError,
        CancellationToken cancellationToken) =>
        SendAsync<T, ApiResponse<T>, WholeResponse<T>>(request, readResponse, readError, cancellationToken);

    /// <summary>Disposes the handler this instance created; an injected HttpClient is left open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ownHandlers?.Dispose();
    }

    // What a call returns: XWithHttpInfoAsync the whole response, XAsync only its body (no ApiResponse made).
    private interface IResultShape<T, TResult>
    {
        static abstract TResult From(RawResponse response, T data);
    }

    private readonly struct WholeResponse<T> : IResultShape<T, ApiResponse<T>>
    {
        public static ApiResponse<T> From(RawResponse response, T data) => new(response.StatusCode, response.Headers, data);
    }

    private readonly struct DataOnly<T> : IResultShape<T, T>
    {
        public static T From(RawResponse response, T data) => data;
    }

    // One reader per generated type, made once: a generated method passes no lambda of its own.
    private static class JsonResponse<T>
        where T : IJsonValue<T>
    {
        public static readonly ResponseReader<T> Read = static (statusCode, body) => JsonModel.Deserialize(body, JsonValue<T>.Read);
    }
}
