using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// Sequential calls over loopback HTTP/1.1: the generated IncidentsApi.CreateIncidentPostmortemAttachmentAsync
/// against a raw HttpClient with hand-written JSON. The server runs in a separate process (started by Program and
/// passed in DATADOGGEN_BENCH_SERVER), so the allocations MemoryDiagnoser reports are the client's. Each benchmark
/// invocation makes <see cref="Batch"/> calls; BenchmarkDotNet reports time and allocation per call.
/// </summary>
[MemoryDiagnoser]
// Loopback HTTP on a shared 2-core machine is noisy: three processes, many iterations.
[SimpleJob(launchCount: 3, warmupCount: 5, iterationCount: 20)]
public class WireBenchmarks
{
    public const int Batch = 100;

    private WebApplication? _inProcessServer;
    private GeneratedCaller _generated = null!;
    private RawCaller _raw = null!;
    private ObservabilityOn? _observability;

    /// <summary>
    /// With a listener on the DatadogGen and System.Net.Http sources and meters, sampling everything, as an
    /// application exporting traces and metrics would: both clients then pay for what they emit.
    /// </summary>
    [Params(false, true)]
    public bool Observed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _observability = Observed ? new ObservabilityOn() : null;
        Uri address;
        if (Environment.GetEnvironmentVariable(LoopbackServer.ServerAddressVariable) is { Length: > 0 } fromParent)
        {
            address = new Uri(fromParent);
        }
        else
        {
            // Run without Program (e.g. another runner): serve in-process; allocation numbers then include Kestrel's.
            Console.WriteLine("// WireBenchmarks: no " + LoopbackServer.ServerAddressVariable + "; the server runs in-process");
            (_inProcessServer, address) = LoopbackServer.StartAsync().GetAwaiter().GetResult();
        }

        _generated = new GeneratedCaller(address);
        _raw = new RawCaller(address);
        // Open the connection and check both work before measuring.
        _ = _generated.CallAsync(CancellationToken.None).GetAwaiter().GetResult();
        _ = _raw.CallAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.Dispose();
        _raw.Dispose();
        _observability?.Dispose();
        _inProcessServer?.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public async Task<int> RawHttpClient_HandWrittenJson()
    {
        int total = 0;
        for (int i = 0; i < Batch; i++)
        {
            total += (await _raw.CallAsync(CancellationToken.None).ConfigureAwait(false)).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<int> GeneratedClient()
    {
        int total = 0;
        for (int i = 0; i < Batch; i++)
        {
            total += (await _generated.CallAsync(CancellationToken.None).ConfigureAwait(false)).Length;
        }

        return total;
    }
}

/// <summary>Listens to every span and measurement of the client and of HttpClient, doing nothing with them.</summary>
internal sealed class ObservabilityOn : IDisposable
{
    // DATADOGGEN_BENCH_OBSERVE=http: HttpClient's spans and metrics only, the client's own left unlistened (so not
    // made). A diagnostic: alternated with the default, it splits the gap into what the client's own telemetry
    // costs and the rest. The number is always measured with both.
    private static readonly bool HttpOnly = Environment.GetEnvironmentVariable("DATADOGGEN_BENCH_OBSERVE") == "http";

    private readonly System.Diagnostics.ActivityListener _activities = new()
    {
        ShouldListenTo = static source => source.Name == "System.Net.Http" || (!HttpOnly && source.Name == DatadogGen.ApiTelemetry.ActivitySourceName),
        Sample = static (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
            System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
    };

    private readonly System.Diagnostics.Metrics.MeterListener _meters = new()
    {
        InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" || (!HttpOnly && instrument.Meter.Name == DatadogGen.ApiTelemetry.MeterName))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        },
    };

    public ObservabilityOn()
    {
        System.Diagnostics.ActivitySource.AddActivityListener(_activities);
        _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _meters.Start();
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
