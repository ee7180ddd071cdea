using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen;

/// <summary>
/// Sends the requests of generated clients to Datadog and turns the answers into results or exceptions:
/// <see cref="ApiException"/> (a timeout is its <see cref="ApiTimeoutException"/>), or
/// <see cref="OperationCanceledException"/> for the caller's token. Retries, timeout, compression and logging follow <see cref="Configuration"/>.
/// </summary>
[DebuggerDisplay("ApiClient {Configuration,nq}")]
public sealed class ApiClient : IDisposable
{
    private const string AcceptedMediaTypes = "application/json, application/vnd.api+json";
    private const string AcceptedEncodings = "gzip, deflate";

    // The client's own handler is called through an HttpMessageInvoker: HttpClient's layer would add a linked
    // token source, two registrations and a state machine to every attempt for features (default headers, its
    // own timeout, CancelPendingRequests) this client never uses. An injected HttpClient is sent through as is.
    private readonly HttpMessageInvoker? _ownInvoker;
    private readonly HttpClient? _injectedHttpClient;
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
        _ownInvoker = httpClient is null ? CreateInvoker(configuration.Proxy) : null;
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

    // Every call, whether it returns the whole response or only its body: one async method either way, so XAsync
    // needs no second state machine over XWithHttpInfoAsync's.
    private async Task<TResult> SendAsync<T, TResult, TShape>(
        ApiRequest request,
        ResponseReader<T> readResponse,
        ErrorReader? readError,
        CancellationToken cancellationToken)
        where TShape : IResultShape<T, TResult>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readResponse);
        ObjectDisposedException.ThrowIf(_disposed, this);
        request.MarkSent();

        CallSettings settings = CallSettings.Freeze(Configuration, request);
        TransportSecurity.ThrowIfInsecure(request.OperationName, settings.Uri, settings.AllowInsecureHttp);
        cancellationToken.ThrowIfCancellationRequested();
        ReadOnlyMemory<byte>? body = request.Body is { } written ? RequestCompression.Encode(written, request.Headers) : (ReadOnlyMemory<byte>?)null;

        CallTelemetry telemetry = CallTelemetry.Start(request, settings.Uri);
        int retry = 0;
        try
        {
            for (; ; retry++)
            {
                Attempt attempt = await SendOnceAsync(request, body, settings, retry + 1, cancellationToken).ConfigureAwait(false);
                TimeSpan delay;
                ApiResponse<T>? result;
                try
                {
                    delay = Settle(request, in attempt, retry, settings, readResponse, readError, out result);
                }
                finally
                {
                    attempt.Response?.Release();
                }

                if (result is not null)
                {
                    telemetry.Succeeded(result.StatusCode, retry);
                    return TShape.From(result);
                }

                telemetry.Retrying(retry, attempt, delay);
                // Throws for the caller's token the moment it is canceled, however long the wait.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            telemetry.Failed(exception, retry);
            throw;
        }
        finally
        {
            // The client's own handler has sent the whole body by the time an attempt ends (HTTP/1.1 sends the
            // content before it reads the response); what an injected HttpClient's handlers do is not known.
            if (_ownInvoker is not null)
            {
                request.ReturnPooledBody();
            }
        }
    }

    // The one place an attempt's outcome becomes the call's result, a retry after the returned delay, or the
    // exception the call ends with.
    private static TimeSpan Settle<T>(
        ApiRequest request,
        in Attempt attempt,
        int retry,
        CallSettings settings,
        ResponseReader<T> readResponse,
        ErrorReader? readError,
        out ApiResponse<T>? result)
    {
        result = null;
        RawResponse? response = attempt.Response;
        if (attempt.Failure is null && response!.IsSuccess)
        {
            result = ReadSuccess(request.OperationName, response, readResponse, settings);
            return TimeSpan.Zero;
        }

        RetryPolicy policy = settings.Retry;
        string? permanent = attempt.Failure is { } failure ? RetryPolicy.PermanentFailure(failure) : null;
        bool retryable = attempt.Failure is not null ? permanent is null : RetryPolicy.IsRetryableStatus(response!.StatusCode);
        RetryDecision decision = retryable
            ? policy.Decide(retry, attempt.Failure is null ? response!.Headers : null)
            : RetryDecision.Stop(null);
        string outcome = attempt.Failure is null ? response!.Describe() : DescribeFailure(attempt);
        if (decision.Retry)
        {
            settings.Log(ApiLogEvents.RetryScheduled, nameof(ApiLogEvents.RetryScheduled), ApiLogLevel.Information,
                "{Operation}: {Outcome}; retry {Retry} of {MaxRetries} in {Delay}.",
                ("Operation", request.OperationName), ("Outcome", outcome), ("Retry", retry + 1), ("MaxRetries", policy.MaxRetries),
                ("Delay", TimeText.Seconds(decision.Delay)));
            return decision.Delay;
        }

        if (retry > 0 || decision.Refusal is not null || (permanent is not null && policy.MaxRetries > 0))
        {
            // Why it stopped: a failure no retry heals, a status that is never retried, no retry left, or a
            // refusal (a wait too long).
            string reason = permanent is not null ? $"{permanent}; a retry would fail the same way."
                : decision.Refusal ?? (retryable ? $"no retry left (MaxRetries is {policy.MaxRetries})." : $"{outcome} is not retried.");
            settings.Log(ApiLogEvents.CallFailed, nameof(ApiLogEvents.CallFailed), ApiLogLevel.Warning,
                "{Operation}: {Outcome}; giving up after {Attempts} attempts: {Reason}",
                ("Operation", request.OperationName), ("Outcome", outcome), ("Attempts", retry + 1), ("Reason", reason));
        }

        throw attempt.Failure is null
            ? ApiFailures.Status(request, response!, readError, retry + 1, decision.Refusal, settings.Redactor)
            : ApiFailures.Failure(request, settings.Uri, attempt, retry + 1, settings.Redactor);
    }

    /// <summary>Disposes the handler this instance created; an injected HttpClient is left open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ownInvoker?.Dispose();
    }

    private static HttpMessageInvoker CreateInvoker(IWebProxy? proxy)
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
        // No HttpClient, so no 100 s default timeout cutting across Configuration.Timeout, which bounds each attempt.
        return new HttpMessageInvoker(handler, disposeHandler: true);
    }

    // One attempt, from a fresh HttpRequestMessage to the fully read and decompressed body. Its state machine
    // comes from a pool: every call makes at least one attempt, and under load each allocation is paid in GCs.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Attempt> SendOnceAsync(
        ApiRequest request, ReadOnlyMemory<byte>? body, CallSettings settings, int attemptNumber, CancellationToken cancellationToken)
    {
        using var attemptCancellation = new AttemptCancellation(settings.Timeout, cancellationToken);

        using HttpRequestMessage message = CreateMessage(request, body, settings);
        long started = Stopwatch.GetTimestamp();
        if (settings.IsLogging)
        {
            settings.Log(ApiLogEvents.AttemptSending, nameof(ApiLogEvents.AttemptSending), ApiLogLevel.Debug,
                "{Operation}: {Method} {Endpoint}",
                ("Operation", request.OperationName), ("Method", request.Method.Method),
                ("Endpoint", settings.Uri.GetLeftPart(UriPartial.Authority) + request.Path), ("Attempt", attemptNumber));
        }

        HttpResponseMessage? response = null;
        try
        {
            ResponseBody received;
            try
            {
                response = await (_injectedHttpClient is { } injected
                        ? injected.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token)
                        : _ownInvoker!.SendAsync(message, attemptCancellation.Token))
                    .ConfigureAwait(false);
                received = await ResponseBody.ReadAsync(response.Content, attemptCancellation.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException($"{request.OperationName} was canceled.", ex, cancellationToken);
                }

                return attemptCancellation.IsCancellationRequested
                    ? Attempt.TimedOut(ex, settings.Timeout, "Configuration.Timeout")
                    // Not our token: the injected HttpClient's Timeout (or a handler of its own) gave up.
                    : ex is OperationCanceledException
                        ? Attempt.TimedOut(ex, _injectedHttpClient?.Timeout ?? Timeout.InfiniteTimeSpan, "HttpClient.Timeout")
                        : Attempt.Failed(ex, response is null ? null : new RawResponse(response, ResponseBody.Empty));
            }

            var raw = new RawResponse(response, received);
            if (settings.IsLogging)
            {
                settings.Log(ApiLogEvents.AttemptCompleted, nameof(ApiLogEvents.AttemptCompleted), ApiLogLevel.Debug,
                    "{Operation}: {Status} after {ElapsedMilliseconds} ms",
                    ("Operation", request.OperationName), ("Status", raw.Describe()),
                    ("ElapsedMilliseconds", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds),
                    ("StatusCode", raw.StatusCode), ("Attempt", attemptNumber));
            }

            return Attempt.Completed(Decompress(request, raw, settings));
        }
        finally
        {
            response?.Dispose();
        }
    }

    // A body that cannot be decoded will not decode on a retry either, so this throws instead of returning an Attempt.
    private static RawResponse Decompress(ApiRequest request, RawResponse response, CallSettings settings)
    {
        try
        {
            return ResponseDecompression.Decode(response.Body, response.Headers) is { } decoded ? response.WithBody(decoded) : response;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            ApiException failure = ApiFailures.Undecodable(request, response, ex, settings.Redactor);
            response.Release();
            throw failure;
        }
    }

    private static HttpRequestMessage CreateMessage(ApiRequest request, ReadOnlyMemory<byte>? body, CallSettings settings)
    {
        var message = new HttpRequestMessage(request.Method, settings.Uri);
        if (body is { } content)
        {
            message.Content = new ReadOnlyMemoryContent(content);
            // Set without parsing: the generator wrote the value from the spec's media type.
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.BodyContentType!);
        }

        // Values were checked for control characters when set; skipping validation also keeps HttpClient
        // from quoting a key in a FormatException. Only the credentials the operation accepts are sent.
        ApiCredentials accepted = request.Credentials;
        AddHeader(message, "DD-API-KEY", (accepted & ApiCredentials.ApiKey) != 0 ? settings.ApiKey : null);
        AddHeader(message, "DD-APPLICATION-KEY", (accepted & ApiCredentials.ApplicationKey) != 0 ? settings.ApplicationKey : null);
        if ((accepted & ApiCredentials.AccessToken) != 0 && settings.AccessToken is { } token)
        {
            AddHeader(message, "Authorization", "Bearer " + token);
        }

        AddHeader(message, "Accept", AcceptedMediaTypes);
        // A handler that decompresses by itself sees these values and does not add them twice.
        AddHeader(message, "Accept-Encoding", settings.Compress ? AcceptedEncodings : null);
        AddHeader(message, "User-Agent", settings.UserAgent);
        IReadOnlyList<KeyValuePair<string, string>> parameters = request.Headers;
        for (int i = 0; i < parameters.Count; i++)
        {
            AddHeader(message, parameters[i].Key, parameters[i].Value);
        }

        return message;
    }

    private static void AddHeader(HttpRequestMessage message, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // Content headers (Content-Type, Content-Language, ...) are refused on the request's own collection.
        if (!message.Headers.TryAddWithoutValidation(name, value)
            && message.Content?.Headers.TryAddWithoutValidation(name, value) != true)
        {
            throw new ArgumentException($"The header '{name}' cannot be sent with this request.", nameof(name));
        }
    }

    private static ApiResponse<T> ReadSuccess<T>(
        string operationName, RawResponse response, ResponseReader<T> readResponse, CallSettings settings)
    {
        try
        {
            T data = readResponse(response.StatusCode, response.Body);
            return new ApiResponse<T>(response.StatusCode, response.Headers, data);
        }
        catch (Exception ex)
        {
            throw ApiFailures.Unreadable(operationName, response, ex, settings.Redactor);
        }
    }

    private static string DescribeFailure(in Attempt attempt) =>
        attempt.Timeout is { } timeout
            ? $"timed out after {TimeText.Seconds(timeout)}"
            : $"{attempt.Failure!.GetType().Name}: {attempt.Failure.Message}";

    // What a call returns: XWithHttpInfoAsync the whole response, XAsync its body.
    private interface IResultShape<T, TResult>
    {
        static abstract TResult From(ApiResponse<T> response);
    }

    private readonly struct WholeResponse<T> : IResultShape<T, ApiResponse<T>>
    {
        public static ApiResponse<T> From(ApiResponse<T> response) => response;
    }

    private readonly struct DataOnly<T> : IResultShape<T, T>
    {
        public static T From(ApiResponse<T> response) => response.Data;
    }

    // One reader per generated type, made once: a generated method passes no lambda of its own.
    private static class JsonResponse<T>
        where T : IJsonValue<T>
    {
        public static readonly ResponseReader<T> Read = static (statusCode, body) => JsonModel.Deserialize(body, JsonValue<T>.Read);
    }
}
