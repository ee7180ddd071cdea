using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatadogGen.Benchmarks;

/// <summary>
/// Full generator runs over Datadog's complete v2 spec: a fresh driver each time, so each invocation is one cold
/// (for the driver) parse + model + emit, with every generated source materialized. Seconds per run, so few
/// iterations and one invocation per iteration.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class GeneratorFullSpecBenchmarks
{
    private string _v2Path = "";
    private string _v2Text = "";
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _v2Path = Paths.DatadogV2Spec;
        _v2Text = File.ReadAllText(_v2Path);
        _compilation = GeneratorInputs.CreateCompilation();
    }

    /// <summary>(b) All 985 operations of openapi-v2.yaml.</summary>
    [Benchmark]
    public long DatadogV2_AllOperations() =>
        GeneratorInputs.Materialize(GeneratorInputs.CreateDriver(_v2Path, _v2Text).RunGenerators(_compilation).GetRunResult());

    /// <summary>(c) openapi-v2.yaml with DatadogGenOperations = CreateIncidentPostmortemAttachment.</summary>
    [Benchmark]
    public long DatadogV2_OneOperation() =>
        GeneratorInputs.Materialize(GeneratorInputs.CreateDriver(_v2Path, _v2Text, GeneratorInputs.OneOperation).RunGenerators(_compilation).GetRunResult());
}

/// <summary>
/// Cheap runs, measured with BenchmarkDotNet's usual many-invocation iterations: (a) the repository's one-operation
/// spec from a fresh driver, and (d) a rerun of a driver that has already generated all of v2 after an unrelated C#
/// edit (what the IDE does on every keystroke).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GeneratorSmallBenchmarks
{
    private string _smallPath = "";
    private string _smallText = "";
    private CSharpCompilation _compilation = null!;

    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _editedA = null!;
    private CSharpCompilation _editedB = null!;
    private bool _nextIsB;

    [GlobalSetup(Target = nameof(SpecsFolder_CreatePostmortemAttachment))]
    public void SetupSmall()
    {
        _smallPath = Paths.SmallSpec;
        _smallText = File.ReadAllText(_smallPath);
        _compilation = GeneratorInputs.CreateCompilation();
    }

    /// <summary>Runs the driver once on all of v2, then prepares two edits of an unrelated C# file.</summary>
    [GlobalSetup(Target = nameof(DatadogV2_RerunAfterUnrelatedCSharpEdit))]
    public void SetupRerun()
    {
        var v2Path = Paths.DatadogV2Spec;
        var compilation = GeneratorInputs.CreateCompilation();
        _warmDriver = GeneratorInputs.CreateDriver(v2Path, File.ReadAllText(v2Path)).RunGenerators(compilation);
        if (GeneratorInputs.Materialize(_warmDriver.GetRunResult()) == 0)
        {
            throw new System.InvalidOperationException("The first run on v2 generated nothing.");
        }

        var userTree = compilation.SyntaxTrees[0];
        _editedA = compilation.ReplaceSyntaxTree(userTree, CSharpSyntaxTree.ParseText(
            "namespace Consumer; public static class Program { public static void Main() { System.Console.WriteLine(1); } }",
            GeneratorInputs.ParseOptions, path: "Program.cs"));
        _editedB = compilation.ReplaceSyntaxTree(userTree, CSharpSyntaxTree.ParseText(
            "namespace Consumer; public static class Program { public static void Main() { System.Console.WriteLine(2); } }",
            GeneratorInputs.ParseOptions, path: "Program.cs"));
    }

    /// <summary>(a) specs/create-postmortem-attachment.yaml, fresh driver.</summary>
    [Benchmark]
    public long SpecsFolder_CreatePostmortemAttachment() =>
        GeneratorInputs.Materialize(GeneratorInputs.CreateDriver(_smallPath, _smallText).RunGenerators(_compilation).GetRunResult());

    /// <summary>(d) The warm v2 driver reruns after Program.cs changed (alternating two edits, so every run sees one).</summary>
    [Benchmark]
    public long DatadogV2_RerunAfterUnrelatedCSharpEdit()
    {
        _nextIsB = !_nextIsB;
        _warmDriver = _warmDriver.RunGenerators(_nextIsB ? _editedB : _editedA);
        return GeneratorInputs.Materialize(_warmDriver.GetRunResult());
    }
}
