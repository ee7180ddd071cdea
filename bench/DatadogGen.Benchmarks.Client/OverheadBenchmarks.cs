using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// The client's own cost per call, without the network: both callers send through an in-memory handler that
/// answers at once with the reference 201 response. What the loopback numbers cannot separate from scheduling
/// noise: the CPU and allocations each client adds on top of HttpClient.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 15)]
public class OverheadBenchmarks
{
    private static readonly Uri Address = new("http://127.0.0.1:5000/");
    private GeneratedCaller _generated = null!;
    private RawCaller _raw = null!;
    private ObservabilityOn? _observability;

    /// <summary>With listeners on the client's source and meter (WireBenchmarks.Observed): what its telemetry costs.</summary>
    [Params(false, true)]
    public bool Observed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _observability = Observed ? new ObservabilityOn() : null;
        _generated = new GeneratedCaller(Address, new CannedResponseHandler());
        _raw = new RawCaller(Address, new CannedResponseHandler());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.Dispose();
        _raw.Dispose();
        _observability?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<string> RawHttpClient_HandWrittenJson() => _raw.CallAsync(CancellationToken.None);

    [Benchmark]
    public Task<string> GeneratedClient() => _generated.CallAsync(CancellationToken.None);

    /// <summary>Reads the request body, as a server would, and answers 201 with the reference response.</summary>
    private sealed class CannedResponseHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            var response = new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new ByteArrayContent(Payloads.CreatedResponseUtf8),
                RequestMessage = request,
            };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return response;
        }
    }
}
