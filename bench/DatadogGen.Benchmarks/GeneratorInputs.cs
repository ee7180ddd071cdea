using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using DatadogGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DatadogGen.Benchmarks;

/// <summary>What the compiler hands the generator: a compilation, AdditionalFiles and their MSBuild metadata.</summary>
internal static class GeneratorInputs
{
    /// <summary>The operation selected in the one-operation cases (build_metadata.AdditionalFiles.DatadogGenOperations).</summary>
    public const string OneOperation = "CreateIncidentPostmortemAttachment";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(string userCode = "namespace Consumer; public static class Program { public static void Main() { } }") =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "Program.cs") },
            FrameworkReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A fresh driver, as the compiler creates on a cold build. Step tracking is off, as it is in csc.</summary>
    public static GeneratorDriver CreateDriver(string specPath, string specText, string? operations = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new DatadogGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText(specPath, specText) },
            ParseOptions,
            new SpecOptions(operations),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Touches every generated source's text, so nothing is left lazy; returns the total characters.</summary>
    public static long Materialize(GeneratorDriverRunResult result)
    {
        long characters = 0;
        foreach (var generator in result.Results)
        {
            if (generator.Exception is not null)
            {
                throw generator.Exception;
            }

            foreach (var source in generator.GeneratedSources)
            {
                characters += source.SourceText.Length;
            }
        }

        return characters;
    }

    private static readonly System.Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>The SDK's own reference pack (offline), like tests/DatadogGen.Generator.Tests/GeneratorHarness.cs.</summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var version = System.Environment.Version;
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var exact = Path.Combine(packs, $"{version.Major}.{version.Minor}.{version.Build}");
        var packVersion = Directory.Exists(exact)
            ? exact
            : Directory.GetDirectories(packs, $"{version.Major}.{version.Minor}.*").OrderBy(path => path, System.StringComparer.Ordinal).Last();
        var refDirectory = Path.Combine(packVersion, "ref", $"net{version.Major}.{version.Minor}");
        return Directory.GetFiles(refDirectory, "*.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>An AdditionalFiles item held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>RootNamespace, plus DatadogGenOperations on the spec file when a selection is given.</summary>
internal sealed class SpecOptions(string? operations) : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _fileOptions = new(operations is null
        ? ImmutableDictionary<string, string>.Empty
        : ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.DatadogGenOperations", operations));

    public override AnalyzerConfigOptions GlobalOptions { get; } =
        new DictionaryOptions(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Consumer"));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _fileOptions;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
