using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatadogGen.Generator.Tests.Fuzzing;

internal enum Verdict
{
    /// <summary>No DDG error, and the generated code (possibly none) compiles.</summary>
    Compiled,

    /// <summary>A DDG error says what is wrong with the spec.</summary>
    Explained,

    /// <summary>A generator bug: an exception, DDG007, a hang, or code that does not compile without a DDG error.</summary>
    Failed,
}

internal sealed record Outcome(Mutant Mutant, Verdict Verdict, string Reason, int Sources, IReadOnlyList<string> Diagnostics, TimeSpan Elapsed)
{
    /// <summary>The ids of the generator's diagnostics (DDG003, ...), once per diagnostic.</summary>
    public IReadOnlyList<string> DiagnosticIds { get; init; } = [];

    /// <summary>What went wrong, in a few words shared by failures of the same kind (for grouping).</summary>
    public string Signature { get; init; } = string.Empty;
}

/// <summary>Where the fuzz run's time went, summed over workers.</summary>
internal sealed class FuzzStats
{
    private long _generation;
    private long _compilation;

    public TimeSpan Generation => TimeSpan.FromTicks(Interlocked.Read(ref _generation));

    public TimeSpan Compilation => TimeSpan.FromTicks(Interlocked.Read(ref _compilation));

    public void AddGeneration(TimeSpan time) => Interlocked.Add(ref _generation, time.Ticks);

    public void AddCompilation(TimeSpan time) => Interlocked.Add(ref _compilation, time.Ticks);

    private int _compiled;

    /// <summary>Mutants whose output was compiled (the others generated the same code as one of them).</summary>
    public int Compiled => Volatile.Read(ref _compiled);

    public void AddCompiled(int count) => Interlocked.Add(ref _compiled, count);
}

/// <summary>
/// Runs the generator over each mutant (alone, as the compiler would), then compiles the generated code of a
/// batch of mutants in one compilation: each mutant has its own namespace, so a compiler error's tree says whose it
/// is. Mutants with errors are compiled again alone before they count as failures.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>A mutant slower than this is cancelled and counted as a hang.</summary>
    public static readonly TimeSpan MutantTimeout = TimeSpan.FromSeconds(15);

    private static readonly CSharpCompilation BaseCompilation = CSharpCompilation.Create(
        "FuzzBatch",
        [],
        ReferenceAssemblies.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    private static readonly Compilation EmptyConsumer = GeneratorHarness.CreateCompilation();

    /// <summary>Runs a batch; <paramref name="generating"/> hears of each mutant before the generator runs on it, and of null once all have run.</summary>
    public static List<Outcome> RunBatch(IReadOnlyList<Mutant> mutants, FuzzStats stats, Action<Mutant?> generating)
    {
        var generated = new List<(Mutant Mutant, GeneratorRunResult? Result, string? Failure, TimeSpan Elapsed)>();
        foreach (var mutant in mutants)
        {
            generating(mutant);
            generated.Add(Generate(mutant));
            stats.AddGeneration(generated[^1].Elapsed);
        }

        generating(null);

        var compiling = Stopwatch.StartNew();
        // Many mutants generate exactly what another one did (a mutated example, a renamed tag's description...):
        // those reuse its compiler result. The rest are compiled together.
        var keys = generated.Where(item => item.Result is not null).ToDictionary(item => item.Mutant.Index, item => OutputKey(item.Mutant, item.Result!.Value));
        var toCompile = generated.Where(item => item.Result is not null && !CompiledOutputs.ContainsKey(keys[item.Mutant.Index]))
            .DistinctBy(item => keys[item.Mutant.Index]).ToList();
        var trees = toCompile.SelectMany(item => item.Result!.Value.GeneratedSources.Select(source => (item.Mutant, SyntaxTree: WithoutNullableAnalysis(source.SyntaxTree)))).ToList();
        var owner = trees.ToDictionary(item => item.SyntaxTree, item => item.Mutant.Index);
        var errors = Errors(trees.Select(item => item.SyntaxTree));
        var unattributed = errors.Any(error => error.Location.SourceTree is null || !owner.ContainsKey(error.Location.SourceTree));
        var withErrors = errors.Where(error => error.Location.SourceTree is { } tree && owner.ContainsKey(tree)).Select(error => owner[error.Location.SourceTree!]).ToHashSet();
        foreach (var (mutant, result, _, _) in toCompile)
        {
            // Another mutant's code cannot break this one's (separate namespaces, global:: everywhere), but
            // errors are confirmed alone all the same, as is everything when an error had no owner.
            CompiledOutputs[keys[mutant.Index]] = unattributed || withErrors.Contains(mutant.Index)
                ? Errors(result!.Value.GeneratedSources.Select(source => WithoutNullableAnalysis(source.SyntaxTree)))
                : [];
        }

        stats.AddCompilation(compiling.Elapsed);
        stats.AddCompiled(toCompile.Count);
        var outcomes = new List<Outcome>();
        foreach (var (mutant, result, failure, elapsed) in generated)
        {
            outcomes.Add(result is { } run
                ? Classify(mutant, run, CompiledOutputs[keys[mutant.Index]], elapsed)
                : new Outcome(mutant, Verdict.Failed, failure!, 0, [], elapsed) { Signature = failure!.Split('\n')[0] });
        }

        return outcomes;
    }

    /// <summary>Compiler errors by generated output (hint names and texts, the mutant's namespace left out).</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Diagnostic>> CompiledOutputs = new(StringComparer.Ordinal);

    private static string OutputKey(Mutant mutant, GeneratorRunResult run)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in run.GeneratedSources)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(source.HintName.Replace(mutant.Namespace, "Fuzz.Mutant", StringComparison.Ordinal) + "\0"));
            hash.AppendData(Encoding.UTF8.GetBytes(source.SourceText.ToString().Replace(mutant.Namespace, "Fuzz.Mutant", StringComparison.Ordinal) + "\0"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Outcome Classify(Mutant mutant, GeneratorRunResult run, IReadOnlyList<Diagnostic> compileErrors, TimeSpan elapsed) =>
        ClassifyRun(mutant, run, compileErrors, elapsed) with
        {
            DiagnosticIds = run.Diagnostics.Select(diagnostic => diagnostic.Id).ToList(),
            Signature = run.Exception is { } exception ? "generator threw " + exception.GetType().Name
                : run.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Id == "DDG007") is { } failure ? "DDG007 " + failure.GetMessage().Split(" failed at ")[^1].Split(':')[0] + ": " + failure.GetMessage().Split(": ").ElementAtOrDefault(1)
                : compileErrors.Count > 0 ? "compiler error " + compileErrors[0].Id + " without a DDG error: " + System.Text.RegularExpressions.Regex.Replace(compileErrors[0].GetMessage(), @"'[^']*'", "'...'")
                : string.Empty,
        };

    private static Outcome ClassifyRun(Mutant mutant, GeneratorRunResult run, IReadOnlyList<Diagnostic> compileErrors, TimeSpan elapsed)
    {
        var diagnostics = run.Diagnostics.Select(diagnostic => diagnostic.ToString()).ToList();
        var sources = run.GeneratedSources.Length;
        if (run.Exception is not null)
        {
            return new Outcome(mutant, Verdict.Failed, "generator threw " + run.Exception, sources, diagnostics, elapsed);
        }

        if (run.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Id == "DDG007") is { } failure)
        {
            return new Outcome(mutant, Verdict.Failed, "DDG007 (generator failure): " + failure.GetMessage(), sources, diagnostics, elapsed);
        }

        var explained = run.Diagnostics.Any(diagnostic => diagnostic.Id.StartsWith("DDG", StringComparison.Ordinal) && diagnostic.Severity == DiagnosticSeverity.Error);
        if (explained)
        {
            return new Outcome(mutant, Verdict.Explained, string.Empty, sources, diagnostics, elapsed);
        }

        return compileErrors.Count == 0
            ? new Outcome(mutant, Verdict.Compiled, string.Empty, sources, diagnostics, elapsed)
            : new Outcome(mutant, Verdict.Failed,
                $"{compileErrors.Count} compiler error(s) and no DDG error:\n" + string.Join("\n", compileErrors.Take(5).Select(Describe)),
                sources, diagnostics, elapsed);
    }

    private static (Mutant, GeneratorRunResult?, string?, TimeSpan) Generate(Mutant mutant)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(MutantTimeout);
        try
        {
            var driver = GeneratorHarness.CreateDriver(new SpecOptions(@namespace: mutant.Namespace), new InMemoryAdditionalText(mutant.Path, mutant.Text))
                .RunGenerators(EmptyConsumer, timeout.Token);
            return (mutant, driver.GetRunResult().Results[0], null, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (mutant, null, $"generation took more than {MutantTimeout.TotalSeconds} s and was cancelled", stopwatch.Elapsed);
        }
        catch (Exception exception)
        {
            return (mutant, null, "the driver threw " + exception, stopwatch.Elapsed);
        }
    }

    /// <summary>
    /// Nullable analysis reports warnings, which the fuzz does not count, and costs about a fifth of the compile
    /// time here: the fuzz compile turns it off (Roslyn's "run-nullable-analysis" feature).
    /// </summary>
    private static SyntaxTree WithoutNullableAnalysis(SyntaxTree tree) =>
        tree.WithRootAndOptions(tree.GetRoot(), ((CSharpParseOptions)tree.Options).WithFeatures([new("run-nullable-analysis", "never")]));

    private static List<Diagnostic> Errors(IEnumerable<SyntaxTree> trees) =>
        BaseCompilation.AddSyntaxTrees(trees).GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();

    private static string Describe(Diagnostic diagnostic)
    {
        var text = diagnostic.ToString();
        if (diagnostic.Location.SourceTree is { } tree)
        {
            var line = tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
            text += "\n      " + (line.Length > 200 ? line.Substring(0, 200) + "..." : line);
        }

        return text.Length > 1200 ? text.Substring(0, 1200) + "..." : text;
    }
}
