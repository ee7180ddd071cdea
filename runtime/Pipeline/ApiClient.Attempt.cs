using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen;

// An attempt: one HttpRequestMessage, sent and read whole.
public sealed partial class ApiClient
{
    private const string AcceptedMediaTypes = "application/json, application/vnd.api+json";
    private const string AcceptedEncodings = "gzip, deflate";

    // One attempt, from a fresh HttpRequestMessage to the fully read and decompressed body. Its state machine
    // comes from a pool: every call makes at least one attempt, and under load each allocation is paid in GCs.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Attempt> SendOnceAsync(
        ApiRequest request, Uri uri, ReadOnlyMemory<byte>? body, CallSettings settings, bool traced, int attemptNumber,
        CancellationToken cancellationToken)
    {
        using var attemptCancellation = new AttemptCancellation(settings.Timeout, cancellationToken);

        using HttpRequestMessage message = CreateMessage(request, uri, body, settings);
        long started = Stopwatch.GetTimestamp();
        if (settings.IsLogging)
        {
            settings.Log(ApiLogEvents.AttemptSending, nameof(ApiLogEvents.AttemptSending), ApiLogLevel.Debug,
                "{Operation}: {Method} {Endpoint}",
                ("Operation", request.OperationName), ("Method", request.Method.Method),
                ("Endpoint", uri.GetLeftPart(UriPartial.Authority) + request.Path), ("Attempt", attemptNumber));
        }

        HttpResponseMessage? response = null;
        try
        {
            ResponseBody received;
            try
            {
                response = await (_injectedHttpClient is { } injected
                        ? injected.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token)
                        : _ownHandlers!.SendAsync(message, traced, attemptCancellation.Token))
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

    private static HttpRequestMessage CreateMessage(ApiRequest request, Uri uri, ReadOnlyMemory<byte>? body, CallSettings settings)
    {
        var message = new HttpRequestMessage(request.Method, uri);
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
}
