using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// A sampling allocation profile from the runtime's own GCAllocationTick events (one event per ~100 KB allocated,
/// naming the type that crossed the threshold): over many calls it shows which types the allocated bytes go to.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();
    private volatile bool _recording;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick included
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        int typeIndex = e.PayloadNames!.IndexOf("TypeName");
        int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (amountIndex < 0)
        {
            amountIndex = e.PayloadNames.IndexOf("AllocationAmount");
        }

        string type = typeIndex >= 0 ? e.Payload[typeIndex] as string ?? "?" : "?";
        long amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex], CultureInfo.InvariantCulture) : 0;
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    public static async Task RunAsync(string title, int calls, Func<Task> call, int concurrency = 1)
    {
        using var profile = new AllocationProfile();
        await Task.Delay(200); // let the listener attach
        for (int i = 0; i < 500; i++)
        {
            await call();
        }

        long before = GC.GetTotalAllocatedBytes(precise: true);
        profile._recording = true;
        int next = -1;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                await call();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));

        profile._recording = false;
        long total = GC.GetTotalAllocatedBytes(precise: true) - before;
        long sampled = profile._bytesByType.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {total / (double)calls:N0} B allocated per call; sampled by type (share of ~100 KB ticks):"));
        foreach (var (type, bytes) in profile._bytesByType.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {bytes * 100.0 / Math.Max(1, sampled),5:0.0}%  ~{bytes / (double)calls * total / Math.Max(1, sampled),7:N0} B/call  {type}"));
        }
    }
}
