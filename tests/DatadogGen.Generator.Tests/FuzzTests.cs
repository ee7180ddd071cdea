using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using DatadogGen.Generator.Parsing;
using DatadogGen.Generator.Tests.Fuzzing;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Mutated specs, seeded and reproducible: from specs/create-postmortem-attachment.yaml and from slices of
/// Datadog's real v2 spec (a few operations with every component they reach). Each mutant must leave no
/// exception and no DDG007, and its output must compile unless a DDG error says why not.
/// Reproduce a failure with DATADOGGEN_FUZZ_SEED=&lt;seed&gt; DATADOGGEN_FUZZ_INDEX=&lt;index&gt;; the failing spec
/// is also written to fuzz-failures/ in the test output folder. DATADOGGEN_FUZZ_COUNT changes the count.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int DefaultSeed = 20261126;
    public const int DefaultCount = 1000;
    private const int BatchSize = 25;

    private static readonly Lazy<MapNode> RealSpec = new(() =>
        (MapNode)SpecNode.Load(YamlCompatibility.Normalize(File.ReadAllText(SharedData.PathOf("openapi-v2.yaml")))));

    [Fact]
    public void Mutated_specs_never_crash_the_generator_and_compile_or_get_a_DDG_error()
    {
        var seed = EnvironmentNumber("DATADOGGEN_FUZZ_SEED") ?? DefaultSeed;
        var count = EnvironmentNumber("DATADOGGEN_FUZZ_COUNT") ?? DefaultCount;
        var only = EnvironmentNumber("DATADOGGEN_FUZZ_INDEX");
        var stopwatch = Stopwatch.StartNew();

        var postmortem = (MapNode)SpecNode.Load(GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml"));
        // Without ../shared/ (a fresh clone) every mutant comes from specs/; CI sets DATADOGGEN_REQUIRE_SHARED.
        Assert.True(SharedData.Exists || !SharedData.Required, $"DATADOGGEN_REQUIRE_SHARED is set but {SharedData.Directory} is missing.");
        var realSpec = SharedData.Exists ? RealSpec.Value : null;
        output.WriteLine($"seed {seed}, {count} mutants; real spec {(realSpec is null ? "missing (" + SharedData.Directory + "): all mutants from specs/" : "loaded")} in {stopwatch.Elapsed.TotalSeconds:F1} s");

        var indices = only is { } single ? new[] { single } : Enumerable.Range(0, count).ToArray();
        var stats = new FuzzStats();
        var outcomes = Run(indices, index => Mutant.Create(seed, index, postmortem, realSpec), stats, out var hung);
        var failures = outcomes.Where(outcome => outcome.Verdict == Verdict.Failed)
            .Concat(hung.Select(mutant => new Outcome(mutant, Verdict.Failed, $"hung: no result within {FuzzRunner.MutantTimeout.TotalSeconds} s, although its CancellationToken was cancelled then", 0, [], FuzzRunner.MutantTimeout) { Signature = "hang (no result, cancellation ignored)" }))
            .ToList();

        Report(seed, outcomes, hung.Count, stats, stopwatch.Elapsed);
        ReportFailures(seed, failures);
        Assert.True(outcomes.Count + hung.Count == indices.Length, $"Only {outcomes.Count + hung.Count} of {indices.Length} mutants finished before the run's deadline.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {indices.Length} mutants exposed generator bugs (seed {seed}; mutants {string.Join(", ", failures.Select(failure => failure.Mutant.Index).Order().Take(50))}); see the test output and fuzz-failures/.");
    }

    /// <summary>
    /// Dedicated threads (not the thread pool, which a hung generator could starve) take batches of mutants. A
    /// watchdog gives up on a worker stuck on one mutant for longer than the per-mutant timeout: that mutant
    /// counts as hung, the rest of its batch goes back in the queue, and a fresh worker takes over, so a hang
    /// fails the test without stalling it. (The stuck thread is a background thread and dies with the process.)
    /// </summary>
    private static List<Outcome> Run(int[] indices, Func<int, Mutant> create, FuzzStats stats, out List<Mutant> hung)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        var queue = new ConcurrentQueue<int[]>(indices.Chunk(BatchSize));
        var workers = new List<Worker>();
        var hungMutants = new List<Mutant>();
        void StartWorker()
        {
            var worker = new Worker();
            worker.Thread = new Thread(() =>
            {
                while (!worker.Abandoned && queue.TryDequeue(out var batch))
                {
                    worker.Batch = batch;
                    // Only generation is watched: compiling a batch takes long on a busy machine, and always ends.
                    var results = FuzzRunner.RunBatch(batch.Select(create).ToList(), stats, mutant =>
                    {
                        Volatile.Write(ref worker.Started, Stopwatch.GetTimestamp());
                        worker.Current = mutant;
                    });
                    if (!worker.Abandoned)
                    {
                        results.ForEach(outcomes.Add);
                    }
                }
            }) { IsBackground = true, Name = "fuzz-" + workers.Count };
            workers.Add(worker);
            worker.Thread.Start();
        }

        for (var index = 0; index < Math.Max(1, Environment.ProcessorCount); index++)
        {
            StartWorker();
        }

        var deadline = Stopwatch.StartNew();
        while (workers.Any(worker => !worker.Abandoned && worker.Thread!.IsAlive) && deadline.Elapsed < TimeSpan.FromMinutes(20))
        {
            Thread.Sleep(200);
            foreach (var worker in workers.ToList())
            {
                if (!worker.Abandoned && worker.Current is { } mutant && Stopwatch.GetElapsedTime(Volatile.Read(ref worker.Started)) > FuzzRunner.MutantTimeout + TimeSpan.FromSeconds(5))
                {
                    worker.Abandoned = true;
                    hungMutants.Add(mutant);
                    queue.Enqueue(worker.Batch!.Where(index => index != mutant.Index).ToArray());
                    StartWorker();
                }
            }
        }

        hung = hungMutants;
        return outcomes.OrderBy(outcome => outcome.Mutant.Index).ToList();
    }

    private sealed class Worker
    {
        public Thread? Thread;
        public volatile bool Abandoned;
        public int[]? Batch;
        public volatile Mutant? Current;
        public long Started;
    }

    private void Report(int seed, List<Outcome> outcomes, int hung, FuzzStats stats, TimeSpan elapsed)
    {
        var compiled = outcomes.Count(outcome => outcome.Verdict == Verdict.Compiled);
        var explained = outcomes.Count(outcome => outcome.Verdict == Verdict.Explained);
        var failed = outcomes.Count(outcome => outcome.Verdict == Verdict.Failed);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {seed}: {outcomes.Count + hung} mutants in {elapsed.TotalSeconds:F1} s: {compiled} compiled ({outcomes.Count(outcome => outcome.Verdict == Verdict.Compiled && outcome.Sources == 0)} of them with no output), {explained} explained by a DDG error, {failed} failed, {hung} hung");
        text.AppendLine(CultureInfo.InvariantCulture, $"from specs/: {outcomes.Count(outcome => outcome.Mutant.Origin.StartsWith("specs/", StringComparison.Ordinal))}, from slices of openapi-v2.yaml: {outcomes.Count(outcome => outcome.Mutant.Origin.StartsWith("slice", StringComparison.Ordinal))}; JSON: {outcomes.Count(outcome => outcome.Mutant.Path.EndsWith(".json", StringComparison.Ordinal))}");
        text.AppendLine("mutation kind (every mutant counts under each kind it got; hung ones are not in this table)");
        text.AppendLine("                        mutants  compiled  explained  failed");
        foreach (var kind in SpecMutator.AllKinds)
        {
            var ofKind = outcomes.Where(outcome => outcome.Mutant.Kinds.Contains(kind)).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind,-22} {ofKind.Count,8} {ofKind.Count(o => o.Verdict == Verdict.Compiled),9} {ofKind.Count(o => o.Verdict == Verdict.Explained),10} {ofKind.Count(o => o.Verdict == Verdict.Failed),7}");
        }

        var ids = outcomes.SelectMany(outcome => outcome.DiagnosticIds).GroupBy(id => id).OrderBy(group => group.Key, StringComparer.Ordinal);
        text.AppendLine("diagnostics: " + string.Join(", ", ids.Select(group => $"{group.Key} x{group.Count()}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"time: generator {stats.Generation.TotalSeconds:F1} s, compiling {stats.Compilation.TotalSeconds:F1} s (summed over {Environment.ProcessorCount} workers; {stats.Compiled} distinct outputs compiled)");
        if (outcomes.MaxBy(outcome => outcome.Elapsed) is { } slowest)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"slowest generation that finished: mutant {slowest.Mutant.Index}, {slowest.Elapsed.TotalMilliseconds:F0} ms");
        }

        output.WriteLine(text.ToString());
    }

    /// <summary>Failures grouped by what went wrong, one example each in full; every failing spec saved.</summary>
    private void ReportFailures(int seed, List<Outcome> failures)
    {
        var files = failures.ToDictionary(failure => failure.Mutant.Index, failure => Save(seed, failure.Mutant, failure.Reason + "\n\ndiagnostics:\n" + string.Join("\n", failure.Diagnostics)));
        foreach (var group in failures.GroupBy(failure => failure.Signature).OrderByDescending(group => group.Count()))
        {
            var example = group.OrderBy(failure => failure.Mutant.Text.Length).First();
            output.WriteLine($"FAILED x{group.Count()}: {group.Key}\n  mutants {string.Join(", ", group.Select(failure => failure.Mutant.Index).Order().Take(20))}\n"
                + $"  smallest: seed {seed} mutant {example.Mutant.Index} ({example.Mutant.Origin})\n  {string.Join("\n  ", example.Mutant.Changes)}\n"
                + $"  {example.Reason.Replace("\n", "\n  ", StringComparison.Ordinal)}\n  spec: {files[example.Mutant.Index]}\n");
        }
    }

    /// <summary>Writes the mutant and what happened to it to fuzz-failures/ in the test output folder.</summary>
    private static string Save(int seed, Mutant mutant, string details)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"seed{seed}-mutant{mutant.Index}{Path.GetExtension(mutant.Path)}");
        File.WriteAllText(file, mutant.Text);
        File.WriteAllText(file + ".txt", $"seed {seed} mutant {mutant.Index}\norigin: {mutant.Origin}\n{string.Join("\n", mutant.Changes)}\n\n{details}\n");
        return file;
    }

    private static int? EnvironmentNumber(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
