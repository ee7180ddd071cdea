using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi.Readers;

namespace DatadogGen.Benchmarks;

/// <summary>
/// `-- measure-output [--runs N]`: what the generator produces (files, lines, bytes, diagnostics) for the small spec,
/// all of v2 and one v2 operation; Stopwatch times of the first (cold, JIT included) and later runs; and where
/// the time goes: the generator's own pipeline steps (from step tracking), Roslyn parsing the generated sources, and
/// Microsoft.OpenApi.Readers reading the v2 text alone.
/// </summary>
internal static class MeasureOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var runs = 3;
        var phases = true;
        var selectedCases = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], Invariant);
                    break;
                case "--case" when i + 1 < args.Length:
                    selectedCases.Add(args[++i]);
                    break;
                case "--no-phases":
                    phases = false;
                    break;
                default:
                    Console.Error.WriteLine("usage: measure-output [--case small|all|one]... [--runs N] [--no-phases]");
                    return 2;
            }
        }

        var compilation = GeneratorInputs.CreateCompilation();
        var v2Text = File.ReadAllText(Paths.DatadogV2Spec);
        var allCases = new (string Key, string Name, string Path, string Text, string? Operations)[]
        {
            ("small", "specs/create-postmortem-attachment.yaml", Paths.SmallSpec, File.ReadAllText(Paths.SmallSpec), null),
            ("all", "Datadog v2, all operations", Paths.DatadogV2Spec, v2Text, null),
            ("one", "Datadog v2, one operation (" + GeneratorInputs.OneOperation + ")", Paths.DatadogV2Spec, v2Text, GeneratorInputs.OneOperation),
        };
        var cases = allCases.Where(c => selectedCases.Count == 0 || selectedCases.Contains(c.Key)).ToArray();

        Console.WriteLine($"Spec: {Paths.DatadogV2Spec} ({Encoding.UTF8.GetByteCount(v2Text):N0} bytes)");
        Console.WriteLine();
        Console.WriteLine("## Generated output and in-process generator time (fresh driver per run, sources materialized)");
        Console.WriteLine();
        Console.WriteLine("| case | files | lines | bytes (UTF-8) | errors/warnings | first run in this process | of which JIT | later runs, median of " + runs + " |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (_, name, path, text, operations) in cases)
        {
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var first = Stopwatch.StartNew();
            var result = GeneratorInputs.CreateDriver(path, text, operations).RunGenerators(compilation).GetRunResult();
            GeneratorInputs.Materialize(result);
            first.Stop();
            var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore;

            var later = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                GeneratorInputs.Materialize(GeneratorInputs.CreateDriver(path, text, operations).RunGenerators(compilation).GetRunResult());
                later.Add(watch.Elapsed.TotalMilliseconds);
            }

            var sources = result.Results.SelectMany(r => r.GeneratedSources).ToList();
            var lines = sources.Sum(s => (long)s.SourceText.ToString().Count(c => c == '\n')); // as wc -l counts
            var bytes = sources.Sum(s => (long)Encoding.UTF8.GetByteCount(s.SourceText.ToString()));
            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            var ids = string.Join(" ", result.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "x" + g.Count()));
            Console.WriteLine(string.Create(Invariant,
                $"| {name} | {sources.Count:N0} | {lines:N0} | {bytes:N0} | {errors}/{warnings} {ids} | {first.Elapsed.TotalMilliseconds:N0} ms | {jit.TotalMilliseconds:N0} ms ({jitMethods:N0} methods) | {Median(later):N0} ms |"));
        }

        Console.WriteLine();
        if (!phases)
        {
            return 0;
        }

        Console.WriteLine("## Where the time goes (warm process; step times from trackIncrementalGeneratorSteps)");
        Console.WriteLine();
        foreach (var (_, name, path, text, operations) in cases.Where(c => c.Key != "small"))
        {
            Phases(name, path, text, operations, compilation);
        }

        Rerun(v2Text, compilation);
        ReaderAlone(v2Text);
        return 0;
    }

    private static void Phases(string name, string path, string text, string? operations, CSharpCompilation compilation)
    {
        // Warm once, then measure one tracked run.
        GeneratorInputs.Materialize(GeneratorInputs.CreateDriver(path, text, operations, trackSteps: true).RunGenerators(compilation).GetRunResult());
        var wall = Stopwatch.StartNew();
        var driver = GeneratorInputs.CreateDriver(path, text, operations, trackSteps: true).RunGenerators(compilation);
        var result = driver.GetRunResult();
        wall.Stop();
        var timing = driver.GetTimingInfo();
        var generator = result.Results.Single();

        Console.WriteLine($"### {name}");
        Console.WriteLine();
        Console.WriteLine("| part | ms |");
        Console.WriteLine("|---|---:|");
        foreach (var step in generator.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var ms = step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds);
            Console.WriteLine(string.Create(Invariant, $"| step {step.Key} ({step.Value.Length} runs) | {ms:N1} |"));
        }

        foreach (var step in generator.TrackedOutputSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var ms = step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds);
            Console.WriteLine(string.Create(Invariant, $"| output {step.Key} (emit, {step.Value.Length} runs) | {ms:N1} |"));
        }

        Console.WriteLine(string.Create(Invariant, $"| generator total (GetTimingInfo: generator) | {timing.GeneratorTimes.Single().ElapsedTime.TotalMilliseconds:N1} |"));
        Console.WriteLine(string.Create(Invariant, $"| driver total (GetTimingInfo) | {timing.ElapsedTime.TotalMilliseconds:N1} |"));
        Console.WriteLine(string.Create(Invariant, $"| driver wall (adds Roslyn parsing the generated sources) | {wall.Elapsed.TotalMilliseconds:N1} |"));

        // Roslyn parsing of the generated sources alone, for comparison.
        var parse = Stopwatch.StartNew();
        foreach (var source in generator.GeneratedSources)
        {
            CSharpSyntaxTree.ParseText(source.SourceText, GeneratorInputs.ParseOptions).GetRoot();
        }

        parse.Stop();
        Console.WriteLine(string.Create(Invariant, $"| Roslyn ParseText of the {generator.GeneratedSources.Length} generated sources, separately | {parse.Elapsed.TotalMilliseconds:N1} |"));
        Console.WriteLine();
    }

    /// <summary>A driver that generated all of v2 reruns after an unrelated C# edit: which steps ran, and where the time is.</summary>
    private static void Rerun(string v2Text, CSharpCompilation compilation)
    {
        Console.WriteLine("### Datadog v2, all operations: rerun after an unrelated C# edit");
        Console.WriteLine();
        var driver = GeneratorInputs.CreateDriver(Paths.DatadogV2Spec, v2Text, trackSteps: true).RunGenerators(compilation);
        GeneratorInputs.Materialize(driver.GetRunResult());
        var tree = compilation.SyntaxTrees[0];
        Console.WriteLine("| rerun | RunGenerators | GetRunResult | Materialize | generator (GetTimingInfo) | driver (GetTimingInfo) | step reasons |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        for (var run = 1; run <= 5; run++)
        {
            var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
                "namespace Consumer; public static class Program { public static void Main() { System.Console.WriteLine(" + run + "); } }",
                GeneratorInputs.ParseOptions, path: "Program.cs"));
            var runWatch = Stopwatch.StartNew();
            driver = driver.RunGenerators(edited);
            var runMs = runWatch.Elapsed.TotalMilliseconds;
            var resultWatch = Stopwatch.StartNew();
            var result = driver.GetRunResult();
            var resultMs = resultWatch.Elapsed.TotalMilliseconds;
            var materializeWatch = Stopwatch.StartNew();
            GeneratorInputs.Materialize(result);
            var materializeMs = materializeWatch.Elapsed.TotalMilliseconds;
            var timing = driver.GetTimingInfo();
            var reasons = result.Results.Single().TrackedSteps.Values
                .Concat(result.Results.Single().TrackedOutputSteps.Values)
                .SelectMany(steps => steps)
                .SelectMany(step => step.Outputs)
                .GroupBy(output => output.Reason)
                .OrderBy(group => group.Key)
                .Select(group => group.Key + " " + group.Count());
            Console.WriteLine(string.Create(Invariant,
                $"| {run} | {runMs:N1} ms | {resultMs:N1} ms | {materializeMs:N1} ms | {timing.GeneratorTimes.Single().ElapsedTime.TotalMilliseconds:N1} ms | {timing.ElapsedTime.TotalMilliseconds:N1} ms | {string.Join(", ", reasons)} |"));
        }

        Console.WriteLine();
    }

    /// <summary>
    /// Microsoft.OpenApi.Readers 1.6.31 on the v2 text, without our generator: the floor of the parse step. SharpYaml
    /// rejects the raw text (a plain scalar with ':' in a flow sequence), so the offending items are quoted first, the
    /// same rewrite the generator's internal YamlCompatibility pass does (re-done here, it is not public).
    /// </summary>
    private static void ReaderAlone(string v2Text)
    {
        var quote = Stopwatch.StartNew();
        var text = QuoteColonScalarsInFlowSequences(v2Text);
        quote.Stop();
        Console.WriteLine("### Microsoft.OpenApi.Readers 1.6.31 alone on the v2 text (ResolveLocalReferences, as SpecReader uses)");
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant, $"Quoting pass (bench's regex version): {quote.Elapsed.TotalMilliseconds:N0} ms, text changed: {!ReferenceEquals(text, v2Text)}."));
        Console.WriteLine();
        Console.WriteLine("| run | YAML load alone (SharpYaml YamlStream) | OpenApiStringReader.Read (YAML + document + refs) | reader errors / paths |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var run = 1; run <= 3; run++)
        {
            var yaml = Stopwatch.StartNew();
            var stream = new SharpYaml.Serialization.YamlStream();
            stream.Load(new StringReader(text));
            yaml.Stop();

            var read = Stopwatch.StartNew();
            var reader = new OpenApiStringReader(new OpenApiReaderSettings { ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences });
            var document = reader.Read(text, out var diagnostic);
            read.Stop();
            Console.WriteLine(string.Create(Invariant,
                $"| {run} | {yaml.Elapsed.TotalMilliseconds:N0} ms | {read.Elapsed.TotalMilliseconds:N0} ms | {diagnostic.Errors.Count} / {document?.Paths?.Count ?? 0} |"));
        }

        Console.WriteLine();
    }

    private static readonly Regex FlowSequenceLine = new(@"^(?<head>\s*(?:[^\s:#]+:\s|-\s))\[(?<items>[^\[\]""']*)\]\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static string QuoteColonScalarsInFlowSequences(string text) =>
        FlowSequenceLine.Replace(text, match =>
        {
            var items = match.Groups["items"].Value.Split(',');
            if (!items.Any(item => item.Contains(':')))
            {
                return match.Value;
            }

            return match.Groups["head"].Value + "[" + string.Join(", ", items.Select(item => "\"" + item.Trim() + "\"")) + "]";
        });

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
