using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// <c>load</c> mode (issue 4): a bounded loopback load run, not BenchmarkDotNet. Both clients make the same
/// number of calls with the same concurrency against one Kestrel server in a child process; two rounds each,
/// interleaved (raw, generated, raw, generated), after a warm-up. Reported per run: calls/s, allocated bytes per
/// call (GC.GetTotalAllocatedBytes(precise: true) delta, all threads), client and server CPU per call, latency
/// percentiles, Gen0/1/2 collections, and the managed heap after a full collection (GC.GetTotalMemory(true)).
/// </summary>
internal static class LoadRun
{
    private sealed record Result(
        string Client, int Round, int Calls, int Errors, double Seconds, long AllocatedBytes, double ClientCpuMs,
        double ServerCpuMs, double P50Ms, double P99Ms, double MaxMs, int Gen0, int Gen1, int Gen2, long HeapAfter,
        long WorkingSetAfter);

    public static async Task<int> RunAsync(string[] args)
    {
        int calls = Option(args, "--calls", 20_000);
        int concurrency = Option(args, "--concurrency", 64);
        int rounds = Option(args, "--rounds", 2);
        int warmup = Option(args, "--warmup", 2_000);
        var limit = TimeSpan.FromSeconds(Option(args, "--limit-seconds", 300));
        // --observed: listeners on the DatadogGen and System.Net.Http sources and meters, as in WireBenchmarks.
        using ObservabilityOn? observability = Array.IndexOf(args, "--observed") >= 0 ? new ObservabilityOn() : null;

        Console.WriteLine($"Load run: {calls:N0} calls x {rounds} rounds per client, {concurrency} concurrent, warm-up {warmup:N0}, " +
                          $"limit {limit.TotalSeconds:0} s per run; .NET {Environment.Version}, {Environment.ProcessorCount} cores, " +
                          $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, observability {(observability is null ? "off" : "on")}");
        using ServerProcess server = ServerProcess.Start();
        Console.WriteLine($"Server process: {server.Address}");

        ICaller[] callers = [new RawCaller(server.Address), new GeneratedCaller(server.Address)];
        // --only generated|raw: one client alone, for a profiler attached to the run.
        if (Array.IndexOf(args, "--only") is int only and >= 0 && only + 1 < args.Length)
        {
            callers = callers.Where(c => c.Name.StartsWith(args[only + 1], StringComparison.OrdinalIgnoreCase)).ToArray();
        }

        var results = new List<Result>();
        try
        {
            foreach (ICaller caller in callers)
            {
                await RunOnceAsync(caller, server, 0, warmup, concurrency, limit);
            }

            for (int round = 1; round <= rounds; round++)
            {
                foreach (ICaller caller in callers)
                {
                    Result result = await RunOnceAsync(caller, server, round, calls, concurrency, limit);
                    results.Add(result);
                    Print(result);
                }
            }
        }
        finally
        {
            foreach (ICaller caller in callers)
            {
                caller.Dispose();
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Client | Round | Calls | Errors | Calls/s | Ratio vs raw | Allocated/call | Client CPU/call | Server CPU/call | p50 | p99 | max | Gen0/1/2 | Heap after (GC.GetTotalMemory(true)) | Working set |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (Result r in results)
        {
            Result? raw = results.FirstOrDefault(x => x.Round == r.Round && x.Client.StartsWith("Raw", StringComparison.Ordinal));
            double rate = r.Calls / r.Seconds;
            double rawRate = raw is null ? double.NaN : raw.Calls / raw.Seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Client} | {r.Round} | {r.Calls:N0} | {r.Errors} | {rate:N0} | {rate / rawRate:0.00} | {r.AllocatedBytes / (double)r.Calls:N0} B | " +
                $"{r.ClientCpuMs * 1000 / r.Calls:0} µs | {r.ServerCpuMs * 1000 / r.Calls:0} µs | {r.P50Ms:0.00} ms | {r.P99Ms:0.00} ms | {r.MaxMs:0.0} ms | " +
                $"{r.Gen0}/{r.Gen1}/{r.Gen2} | {r.HeapAfter / 1024.0:N0} KiB | {r.WorkingSetAfter / 1048576.0:N0} MiB |"));
        }

        // Rounds move by 10-20% on a shared machine: the median of the per-round ratios is the number to quote.
        Dictionary<int, double> rawRates = results.Where(r => r.Client.StartsWith("Raw", StringComparison.Ordinal))
            .ToDictionary(r => r.Round, r => r.Calls / r.Seconds);
        double[] ratios = results.Where(r => !r.Client.StartsWith("Raw", StringComparison.Ordinal) && rawRates.ContainsKey(r.Round))
            .Select(r => r.Calls / r.Seconds / rawRates[r.Round]).Order().ToArray();
        if (ratios.Length > 0)
        {
            double median = ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[ratios.Length / 2 - 1] + ratios[ratios.Length / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated / raw calls/s: median {median:0.000} of {ratios.Length} rounds ({ratios[0]:0.00}-{ratios[^1]:0.00})"));
        }

        foreach (ICaller caller in callers)
        {
            var mine = results.Where(r => r.Client == caller.Name).OrderBy(r => r.Round).ToList();
            if (mine.Count >= 2)
            {
                long growth = mine[^1].HeapAfter - mine[0].HeapAfter;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{caller.Name}: heap after round {mine[^1].Round} minus after round {mine[0].Round}: {growth / 1024.0:+#,0.0;-#,0.0;0} KiB"));
            }
        }

        return results.Any(r => r.Errors > 0 || r.Calls == 0) ? 1 : 0;
    }

    private static async Task<Result> RunOnceAsync(ICaller caller, ServerProcess server, int round, int calls, int concurrency, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        var latencies = new long[calls];
        int next = -1;
        int completed = 0;
        int errors = 0;
        Exception? firstError = null;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        TimeSpan clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan serverCpu = server.ProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        long faultsBefore = MinorPageFaults();
        long started = Stopwatch.GetTimestamp();

        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls && !deadline.IsCancellationRequested)
            {
                long t0 = Stopwatch.GetTimestamp();
                try
                {
                    await caller.CallAsync(deadline.Token).ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetTimestamp() - t0;
                    Interlocked.Increment(ref completed);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex, null);
                    latencies[i] = -1;
                }
            }
        }

        var workers = new Task[concurrency];
        for (int w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(Worker);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        long allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        double clientCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds;
        double serverCpuMs = (server.ProcessorTime - serverCpu).TotalMilliseconds;
        int g0 = GC.CollectionCount(0) - gen0, g1 = GC.CollectionCount(1) - gen1, g2 = GC.CollectionCount(2) - gen2;
        // Pages the GC gave back and took again: on this machine a run either makes few or three to six times as
        // many, moving a client's CPU per call by several percent whatever its own code does (docs/BENCHMARKS.md).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{caller.Name}: {(MinorPageFaults() - faultsBefore) / (double)calls:0.000} minor page faults per call, GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:0.0} MiB"));
        // What the last collection during the run kept: with calls in flight, what each holds across its await survives.
        GCMemoryInfo lastEphemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        // Whether collections, not the client's own code, separate two runs: spans alive across awaits promote more.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{caller.Name}: GC paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms of the run's {seconds * 1000:N0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{caller.Name}: last ephemeral GC (gen{lastEphemeral.Generation}) promoted {lastEphemeral.PromotedBytes / 1024.0:N0} KiB"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        long workingSet = Process.GetCurrentProcess().WorkingSet64;

        if (firstError is not null)
        {
            Console.WriteLine($"{caller.Name}: {errors} errors; first: {firstError.GetType().Name}: {firstError.Message}");
        }

        double[] ok = latencies.Where(t => t > 0).Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double Percentile(double p) => ok.Length == 0 ? double.NaN : ok[Math.Min(ok.Length - 1, (int)Math.Ceiling(p * ok.Length) - 1)];
        return new Result(caller.Name, round, completed, errors, seconds, allocatedBytes, clientCpuMs, serverCpuMs,
            Percentile(0.50), Percentile(0.99), ok.Length == 0 ? double.NaN : ok[^1], g0, g1, g2, heap, workingSet);
    }

    private static void Print(Result r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {r.Round} {r.Client}: {r.Calls:N0} calls in {r.Seconds:0.00} s = {r.Calls / r.Seconds:N0} calls/s, " +
        $"{r.AllocatedBytes / (double)Math.Max(1, r.Calls):N0} B/call, heap after {r.HeapAfter / 1024.0:N0} KiB"));

    // Field 10 of /proc/self/stat (Linux only; 0 elsewhere): pages the process touched for the first time, each
    // mapped and zeroed by the kernel.
    private static long MinorPageFaults()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        string stat = System.IO.File.ReadAllText("/proc/self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
