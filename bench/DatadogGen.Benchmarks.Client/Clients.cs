using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Gen = DatadogGen.Benchmarks.Client.Datadog;
using Poco = DatadogGen.Benchmarks.Client.Pocos;

namespace DatadogGen.Benchmarks.Client;

/// <summary>One way of making the Create postmortem attachment call.</summary>
internal interface ICaller : IDisposable
{
    string Name { get; }

    /// <summary>One call; returns the attachment id read from the response (so the read cannot be skipped).</summary>
    Task<string> CallAsync(CancellationToken cancellationToken);
}

internal static class Keys
{
    // Placeholder keys (sent over loopback http, which the runtime allows without AllowInsecureHttp).
    public const string ApiKey = "0123456789abcdef0123456789abcdef";
    public const string ApplicationKey = "0123456789abcdef0123456789abcdef01234567";
}

/// <summary>The generated IncidentsApi over the runtime's ApiClient, default settings except Compress off.</summary>
internal sealed class GeneratedCaller : ICaller
{
    private readonly ApiClient _apiClient;
    private readonly Gen.IncidentsApi _api;
    private readonly Gen.PostmortemAttachmentRequest _body = Payloads.GeneratedRequest();

    public GeneratedCaller(Uri baseAddress, HttpMessageHandler? handler = null)
    {
        var configuration = new Configuration
        {
            BaseAddress = baseAddress,
            ApiKey = Keys.ApiKey,
            ApplicationKey = Keys.ApplicationKey,
            // The loopback server never compresses; off for both clients so neither sends Accept-Encoding.
            Compress = false,
        };
        configuration.SetUnstableOperationEnabled("v2.CreateIncidentPostmortemAttachment", true);
        // The raw baseline has no timeout; this shows what the default 60 s per-attempt timeout costs.
        if (Environment.GetEnvironmentVariable("DATADOGGEN_BENCH_NO_TIMEOUT") == "1")
        {
            configuration.Timeout = Timeout.InfiniteTimeSpan;
        }

        _apiClient = handler is null ? new ApiClient(configuration) : new ApiClient(configuration, new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
        _api = new Gen.IncidentsApi(_apiClient);
    }

    public string Name => "Generated client";

    public async Task<string> CallAsync(CancellationToken cancellationToken)
    {
        Gen.Attachment attachment = await _api
            .CreateIncidentPostmortemAttachmentAsync(Payloads.IncidentId, _body, cancellationToken)
            .ConfigureAwait(false);
        return attachment.Data!.Id;
    }

    public void Dispose() => _apiClient.Dispose();
}

/// <summary>
/// The practical limit: a raw HttpClient (same handler settings as the runtime's own) sending the same request
/// bytes, written by hand with Utf8JsonWriter into a pooled buffer, and the response read into a pooled buffer and
/// parsed by hand with Utf8JsonReader into the hand-written classes.
/// </summary>
internal sealed class RawCaller : ICaller
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    private readonly HttpClient _httpClient;
    private readonly Uri _uri;
    private readonly string _userAgent;
    private readonly Poco.PostmortemAttachmentRequest _body = Payloads.PocoRequest();

    public RawCaller(Uri baseAddress, HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _uri = new Uri(baseAddress, "/api/v2/incidents/" + Uri.EscapeDataString(Payloads.IncidentId) + "/attachments/postmortems");
        // The same header as the runtime sends, so both requests are byte for byte the same size.
        _userAgent = $"datadog-gen-csharp/0.1.0 (dotnet {Environment.Version}; os Linux; arch {RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()})";
    }

    public string Name => "Raw HttpClient + Utf8JsonWriter/Reader";

    public async Task<string> CallAsync(CancellationToken cancellationToken)
    {
        // Written synchronously on this thread into a thread-static buffer, then copied into a pooled array the
        // request owns until the call ends.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        HandWritten.WriteRequest(writer, _body);
        writer.Flush();
        int length = buffer.WrittenCount;
        byte[] requestBytes = ArrayPool<byte>.Shared.Rent(length);
        buffer.WrittenSpan.CopyTo(requestBytes);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, _uri)
            {
                Content = new ReadOnlyMemoryContent(requestBytes.AsMemory(0, length)),
            };
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            message.Headers.TryAddWithoutValidation("DD-API-KEY", Keys.ApiKey);
            message.Headers.TryAddWithoutValidation("DD-APPLICATION-KEY", Keys.ApplicationKey);
            message.Headers.TryAddWithoutValidation("Accept", "application/json, application/vnd.api+json");
            message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            using HttpResponseMessage response = await _httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            if ((int)response.StatusCode != 201)
            {
                throw new HttpRequestException($"Unexpected status {(int)response.StatusCode}");
            }

            int capacity = (int)(response.Content.Headers.ContentLength ?? 4096);
            byte[] responseBytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
            try
            {
                int read = 0;
                using (Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (true)
                    {
                        if (read == responseBytes.Length)
                        {
                            byte[] bigger = ArrayPool<byte>.Shared.Rent(responseBytes.Length * 2);
                            responseBytes.AsSpan(0, read).CopyTo(bigger);
                            ArrayPool<byte>.Shared.Return(responseBytes);
                            responseBytes = bigger;
                        }

                        int n = await stream.ReadAsync(responseBytes.AsMemory(read), cancellationToken).ConfigureAwait(false);
                        if (n == 0)
                        {
                            break;
                        }

                        read += n;
                    }
                }

                Poco.Attachment attachment = HandWritten.ReadAttachment(responseBytes.AsSpan(0, read));
                return attachment.Data!.Id!;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(responseBytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(requestBytes);
        }
    }

    public void Dispose() => _httpClient.Dispose();
}
