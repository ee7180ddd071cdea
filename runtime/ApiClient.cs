using System;
using System.ComponentModel;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen;

/// <summary>Sends the requests of generated clients to Datadog and turns the answers into results or <see cref="ApiException"/>.</summary>
public sealed class ApiClient : IDisposable
{
    private const string AcceptedMediaTypes = "application/json, application/vnd.api+json";

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private bool _disposed;

    /// <summary>Creates a client.</summary>
    /// <param name="configuration">Site, keys and unstable operations; read again on every call.</param>
    /// <param name="httpClient">
    /// The HttpClient to send with, left open by <see cref="Dispose"/>; when null the client makes its own
    /// (gzip/deflate/brotli enabled) and disposes it.
    /// </param>
    public ApiClient(Configuration configuration, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        _ownsHttpClient = httpClient is null;
        _httpClient = httpClient ?? CreateHttpClient();
    }

    /// <summary>The configuration used for every call.</summary>
    public Configuration Configuration { get; }

    /// <summary>Sends one request and reads the whole response.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="readResponse">Reads the body of a 2xx response.</param>
    /// <param name="readError">Reads the typed error model of a non-2xx response, if the operation declares one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, headers and parsed body.</returns>
    /// <exception cref="ApiException">
    /// No response arrived, the status was not 2xx, or the body of a 2xx response could not be read.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<ApiResponse<T>> SendAsync<T>(
        ApiRequest request,
        ResponseReader<T> readResponse,
        ErrorReader? readError,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readResponse);
        ObjectDisposedException.ThrowIf(_disposed, this);

        RawResponse response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw CreateStatusException(request.OperationName, response, readError);
        }

        return ReadSuccess(request.OperationName, response, readResponse);
    }

    /// <summary>Disposes the HttpClient if this instance created it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            // A redirect would carry DD-API-KEY and DD-APPLICATION-KEY to whatever host it names
            // (only Authorization is stripped); Datadog's API does not redirect, so surface it instead.
            AllowAutoRedirect = false,
        };
        // HttpClient's default 100 s timeout stays: Datadog's own clients have none, and their users asked for one.
        return new HttpClient(handler, disposeHandler: true);
    }

    // One attempt, from a fresh HttpRequestMessage to the fully read body. A retry loop wraps this later.
    private async Task<RawResponse> SendOnceAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        Uri uri = request.CreateUri(
            Configuration.BaseAddress ?? request.ServerAddress ?? Configuration.ResolveBaseAddress(request.Subdomain ?? "api"));
        using HttpRequestMessage message = CreateMessage(request, uri);
        try
        {
            using HttpResponseMessage response = await _httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new RawResponse(response, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw CreateTransportException(request, uri, ex, "failed");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: HttpClient.Timeout (or a handler) gave up on the request.
            throw CreateTransportException(request, uri, ex, "timed out");
        }
    }

    private HttpRequestMessage CreateMessage(ApiRequest request, Uri uri)
    {
        var message = new HttpRequestMessage(request.Method, uri);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(RequestCompression.Encode(request.Body, request.Headers));
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.BodyContentType!);
        }

        // Values were checked for control characters when set; skipping validation also keeps HttpClient
        // from quoting a key in a FormatException. Only the credentials the operation accepts are sent.
        ApiCredentials accepted = request.Credentials;
        AddHeader(message, "DD-API-KEY", accepted.HasFlag(ApiCredentials.ApiKey) ? Configuration.ApiKey : null);
        AddHeader(message, "DD-APPLICATION-KEY", accepted.HasFlag(ApiCredentials.ApplicationKey) ? Configuration.ApplicationKey : null);
        if (accepted.HasFlag(ApiCredentials.AccessToken) && Configuration.AccessToken is { } token)
        {
            AddHeader(message, "Authorization", "Bearer " + token);
        }

        AddHeader(message, "Accept", AcceptedMediaTypes);
        AddHeader(message, "User-Agent", UserAgent.Value);
        foreach (var header in request.Headers)
        {
            AddHeader(message, header.Key, header.Value);
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

    private static ApiResponse<T> ReadSuccess<T>(string operationName, RawResponse response, ResponseReader<T> readResponse)
    {
        try
        {
            T data = readResponse(response.StatusCode, response.Body);
            return new ApiResponse<T>(response.StatusCode, response.Headers, data);
        }
        catch (Exception ex)
        {
            // Whatever a generated reader throws (JsonException, FormatException, a bug's NullReferenceException),
            // the caller sees one exception type that says which call and which body.
            string text = BodyExcerpt.ToText(response.Body);
            string message =
                $"{operationName} returned {Describe(response)}, but the response body could not be read as JSON: " +
                $"{ex.Message.TrimEnd('.')}. Body: {BodyExcerpt.Create(text)}";
            throw new ApiException(message, operationName, response.StatusCode, response.Headers, text, error: null, ex);
        }
    }

    private static ApiException CreateStatusException(string operationName, RawResponse response, ErrorReader? readError)
    {
        string text = BodyExcerpt.ToText(response.Body);
        string message = $"{operationName} failed: {Describe(response)}. {BodyExcerpt.Create(text)}";
        object? error = TryReadError(response, readError);
        return new ApiException(message, operationName, response.StatusCode, response.Headers, text, error, innerException: null);
    }

    // The error model is a bonus on top of status and body: a body that does not match it must not hide
    // the real failure behind a parse error.
    private static object? TryReadError(RawResponse response, ErrorReader? readError)
    {
        if (readError is null)
        {
            return null;
        }

        try
        {
            return readError(response.StatusCode, response.Body);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static ApiException CreateTransportException(ApiRequest request, Uri uri, Exception cause, string what)
    {
        // The URI holds no secrets (keys travel in headers); the query is left out as it may be long.
        string target = uri.GetLeftPart(UriPartial.Authority) + request.Path;
        string message =
            $"{request.OperationName}: {request.Method} {target} {what} before a complete response arrived. {cause.Message}";
        return new ApiException(message, request.OperationName, 0, ResponseHeaders.None, responseBody: null, error: null, cause);
    }

    private static string Describe(RawResponse response) =>
        response.ReasonPhrase.Length == 0 ? $"{response.StatusCode}" : $"{response.StatusCode} {response.ReasonPhrase}";
}
