using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// The generated code must build in the strictest consumer project: nullable on, every warning an error, the
/// latest warning wave, and XML documentation checked (CS1591 for any undocumented public member).
/// </summary>
public sealed class CompilationTests
{
    private static readonly CSharpParseOptions StrictParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions StrictCompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999);

    private const string DocumentedConsumer = "namespace Consumer;\n\n/// <summary>The consumer's own code.</summary>\npublic static class Placeholder\n{\n}\n";

    [Theory]
    [InlineData("create-postmortem-attachment.yaml")]
    public void Generated_code_compiles_without_any_diagnostic_under_strict_settings(string specName)
    {
        var output = GenerateStrict(specName, GeneratorHarness.ReadSpec(specName), DocumentedConsumer);

        AssertEmitsWithoutDiagnostics(output);
    }

    /// <summary>
    /// Specs at the edge of what OpenAPI allows that once generated code which did not compile (a JSON body
    /// without a schema: CS0411) or generated nothing (component schemas without paths).
    /// </summary>
    [Theory]
    [InlineData("BrokenSpecs/schemaless-json-body.yaml")]
    [InlineData("BrokenSpecs/components-only.yaml")]
    public void Generated_code_for_an_edge_case_spec_compiles_without_any_diagnostic_under_strict_settings(string relativePath)
    {
        var output = GenerateStrict(relativePath, File.ReadAllText(TestFiles.PathOf(relativePath)), DocumentedConsumer);

        AssertEmitsWithoutDiagnostics(output);
    }

    /// <summary>
    /// Generated files turn the compiler's nullable flow analysis off (<c>#nullable disable warnings</c>, as
    /// System.Text.Json's generator does: for all of v2 it was a fifth of every build). Here it runs anyway, so a
    /// generated null-safety bug is still an error: the same sources with <c>#nullable enable</c> (a file marked
    /// auto-generated has nullable off unless it says otherwise), every construct included.
    /// </summary>
    [Theory]
    [InlineData("create-postmortem-attachment.yaml")]
    [InlineData("../../../../DatadogGen.Tests/Specs/constructs.yaml")]
    [InlineData("BrokenSpecs/schemaless-json-body.yaml")]
    public void Generated_code_has_no_nullable_warning_when_flow_analysis_is_on(string relativePath)
    {
        var text = relativePath.EndsWith("create-postmortem-attachment.yaml", System.StringComparison.Ordinal) && !relativePath.Contains('/')
            ? GeneratorHarness.ReadSpec(relativePath)
            : File.ReadAllText(TestFiles.PathOf(relativePath));
        var output = GenerateStrict(Path.GetFileName(relativePath), text, DocumentedConsumer);
        var generated = output.SyntaxTrees.Where(tree => tree.FilePath != "Consumer.cs").ToList();
        Assert.All(generated, tree => Assert.Contains("#nullable enable annotations\n#nullable disable warnings\n", tree.ToString(), System.StringComparison.Ordinal));

        var withWarnings = generated.Aggregate(output, (compilation, tree) => compilation.ReplaceSyntaxTree(
            tree,
            CSharpSyntaxTree.ParseText(tree.ToString().Replace("#nullable enable annotations\n#nullable disable warnings\n", "#nullable enable\n"), StrictParseOptions, tree.FilePath)));

        AssertEmitsWithoutDiagnostics(withWarnings);
    }

    private static void AssertEmitsWithoutDiagnostics(Compilation output)
    {
        using var peStream = new MemoryStream();
        using var xmlStream = new MemoryStream();
        var emit = output.Emit(peStream, xmlDocumentationStream: xmlStream);

        Assert.Empty(emit.Diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.True(emit.Success);
        Assert.True(xmlStream.Length > 0);
    }

    /// <summary>Guards the test above: the same settings do report an undocumented public type as an error.</summary>
    [Fact]
    public void Strict_settings_report_missing_xml_docs_as_errors()
    {
        var output = GenerateStrict("create-postmortem-attachment.yaml", GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml"),
            "namespace Consumer;\n\npublic static class Undocumented\n{\n}\n");

        var diagnostic = Assert.Single(output.GetDiagnostics());
        Assert.Equal("CS1591", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    private static Compilation GenerateStrict(string specName, string specText, string consumerSource)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(consumerSource, StrictParseOptions, path: "Consumer.cs") },
            ReferenceAssemblies.All,
            StrictCompilationOptions);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DatadogGenerator().AsSourceGenerator() },
            new[] { new InMemoryAdditionalText(specName, specText) },
            StrictParseOptions,
            new SpecOptions());

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, CancellationToken.None);

        Assert.Empty(generatorDiagnostics);
        Assert.True(output.SyntaxTrees.Count() > 1, "The generator produced no sources.");
        Assert.All(output.SyntaxTrees, tree => Assert.Equal(DocumentationMode.Diagnose, tree.Options.DocumentationMode));
        return output;
    }
}
