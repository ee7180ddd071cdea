using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// The promise every spec must keep, however broken: no exception escapes the generator, no DDG007, no hang, and
/// the generated code compiles unless a DDG error says why it cannot.
/// </summary>
internal static class BuildContract
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>What one run produced: the generator's result and the compiler errors of the consumer.</summary>
    public sealed record Run(GeneratorRunResult Result, Compilation Output, IReadOnlyList<Diagnostic> CompilerErrors)
    {
        public IEnumerable<Diagnostic> Ddg(string id) => Result.Diagnostics.Where(diagnostic => diagnostic.Id == id);

        public bool HasDdgError => Result.Diagnostics.Any(diagnostic => diagnostic.Id.StartsWith("DDG", StringComparison.Ordinal) && diagnostic.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>Runs the generator over one spec (on another thread, so a hang fails the test) and checks the promise.</summary>
    public static Run Check(string path, string spec, SpecOptions? options = null, TimeSpan? timeout = null)
    {
        var run = Generate(path, spec, options, timeout ?? DefaultTimeout);
        Assert.True(run.Result.Exception is null, "The generator threw: " + run.Result.Exception);
        Assert.DoesNotContain(run.Result.Diagnostics, diagnostic => diagnostic.Id == "DDG007");
        Assert.True(run.HasDdgError || run.CompilerErrors.Count == 0,
            "The generated code does not compile and no DDG error says why:\n" + Describe(run.CompilerErrors)
            + "\nGenerator diagnostics:\n" + string.Join("\n", run.Result.Diagnostics));
        return run;
    }

    /// <summary>Like <see cref="Check"/>, and the code must compile: no DDG error, no compiler error.</summary>
    public static Run Compiles(string path, string spec, SpecOptions? options = null)
    {
        var run = Check(path, spec, options);
        Assert.False(run.HasDdgError, "A DDG error: " + string.Join("\n", run.Result.Diagnostics));
        Assert.NotEmpty(run.Result.GeneratedSources);
        return run;
    }

    public static Run Generate(string path, string spec, SpecOptions? options, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource();
        var work = Task.Run(() =>
        {
            var driver = GeneratorHarness.CreateDriver(options ?? new SpecOptions(), new InMemoryAdditionalText(path, spec))
                .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var output, out _, cancellation.Token);
            return (driver.GetRunResult().Results[0], output);
        });
        if (!work.Wait(timeout))
        {
            cancellation.Cancel();
            Assert.Fail($"The generator gave no result within {timeout.TotalSeconds} s (a hang; it was then cancelled, and {(work.Wait(TimeSpan.FromSeconds(2)) ? "stopped" : "did not stop")}).");
        }

        var (result, compilation) = work.Result;
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        return new Run(result, compilation, errors);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Take(8).Select(diagnostic => diagnostic.Location.SourceTree is { } tree
            ? diagnostic + "\n    " + tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim()
            : diagnostic.ToString()));
}
