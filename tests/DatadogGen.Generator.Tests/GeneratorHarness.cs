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

namespace DatadogGen.Generator.Tests;

/// <summary>Runs the generator in-process over spec texts, the way the compiler does, and compiles the result.</summary>
internal static class GeneratorHarness
{
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
            ReferenceAssemblies.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params AdditionalText[] specs) =>
        CreateDriver(new SpecOptions(), specs);

    public static GeneratorDriver CreateDriver(AnalyzerConfigOptionsProvider options, params AdditionalText[] specs) =>
        CSharpGeneratorDriver.Create(
            new[] { new DatadogGenerator().AsSourceGenerator() },
            specs,
            new CSharpParseOptions(LanguageVersion.Latest),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorDriverRunResult Run(string specPath, string specText, out Compilation output, SpecOptions? options = null)
    {
        var driver = CreateDriver(options ?? new SpecOptions(), new InMemoryAdditionalText(specPath, specText))
            .RunGeneratorsAndUpdateCompilation(CreateCompilation(), out output, out _, CancellationToken.None);
        return driver.GetRunResult();
    }

    public static string ReadSpec(string name) => File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "specs", name));
}

/// <summary>An AdditionalFiles item held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// The MSBuild options the generator reads: the root namespace, per-file metadata, and any further
/// "build_property.X" (project-wide) or "build_metadata.AdditionalFiles.X" (per-file) values.
/// </summary>
internal sealed class SpecOptions(
    string rootNamespace = "Consumer",
    string? @namespace = null,
    string? operations = null,
    IReadOnlyDictionary<string, string>? extra = null)
    : AnalyzerConfigOptionsProvider
{
    private readonly ImmutableDictionary<string, string> _fileValues = FileValues(@namespace, operations, extra);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(
        ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace)
            .AddRange((extra ?? new Dictionary<string, string>()).Where(entry => entry.Key.StartsWith("build_property.", System.StringComparison.Ordinal))));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(_fileValues);

    private static ImmutableDictionary<string, string> FileValues(string? @namespace, string? operations, IReadOnlyDictionary<string, string>? extra)
    {
        var values = ImmutableDictionary<string, string>.Empty;
        if (@namespace is not null)
        {
            values = values.Add("build_metadata.AdditionalFiles.DatadogGenNamespace", @namespace);
        }

        if (operations is not null)
        {
            values = values.Add("build_metadata.AdditionalFiles.DatadogGenOperations", operations);
        }

        return values.AddRange((extra ?? new Dictionary<string, string>()).Where(entry => entry.Key.StartsWith("build_metadata.", System.StringComparison.Ordinal)));
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>Reference assemblies of the SDK that runs the tests: offline, and the framework users compile against.</summary>
internal static class ReferenceAssemblies
{
    public static readonly ImmutableArray<MetadataReference> All = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var version = System.Environment.Version;
        var packDirectory = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", $"{version.Major}.{version.Minor}.{version.Build}", "ref", $"net{version.Major}.{version.Minor}");
        var frameworkReferences = Directory.GetFiles(packDirectory, "*.dll").Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        var runtimeReference = MetadataReference.CreateFromFile(typeof(DatadogGen.Configuration).Assembly.Location);
        return frameworkReferences.Append(runtimeReference).ToImmutableArray();
    }
}
