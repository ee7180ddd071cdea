using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Broken specs (BrokenSpecs/) become DDG diagnostics placed in the spec file, never a generator exception.
/// </summary>
public sealed class DiagnosticTests
{
    /// <summary>
    /// Line 9 opens "[Health, Status" and never closes it; the YAML parser stops on line 10 ("responses:"),
    /// where it expected ',' or ']'. Lines are zero-based in Roslyn, so line 10 is 9.
    /// </summary>
    [Fact]
    public void Unclosed_flow_sequence_reports_DDG001_on_the_line_where_the_yaml_parser_stops()
    {
        var result = Run("BrokenSpecs/invalid-yaml.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DDG001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(TestFiles.PathOf("BrokenSpecs/invalid-yaml.yaml"), diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(15, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains("(line 10, column 16)", diagnostic.GetMessage());
        Assert.Empty(result.GeneratedSources);
    }

    /// <summary>Line 9 ("     responses:") is indented one space less than the "operationId" above it.</summary>
    [Fact]
    public void Bad_indentation_reports_DDG001_on_the_misindented_line()
    {
        var result = Run("BrokenSpecs/bad-indentation.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DDG001", diagnostic.Id);
        Assert.Equal(TestFiles.PathOf("BrokenSpecs/bad-indentation.yaml"), diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Swagger_2_document_reports_DDG002_and_generates_nothing()
    {
        var result = Run("BrokenSpecs/swagger-2.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DDG002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("Swagger 2.0", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(TestFiles.PathOf("BrokenSpecs/swagger-2.yaml"), diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Misspelt_operation_reports_DDG004_suggesting_the_closest_operation()
    {
        var result = Run("specs/create-postmortem-attachment.yaml", new SpecOptions(operations: "CreateIncidentPostmortemAtachment"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DDG004", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'CreateIncidentPostmortemAtachment'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("did you mean 'CreateIncidentPostmortemAttachment'?", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.GeneratedSources, source => source.HintName.EndsWith("Api.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Operation_without_operationId_reports_DDG005_and_generates_the_derived_method()
    {
        var result = Run("BrokenSpecs/missing-operation-id.yaml", out var compilation);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DDG005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'GetApiV2ServiceHealth'", diagnostic.GetMessage(), StringComparison.Ordinal);
        var api = Assert.Single(result.GeneratedSources, source => source.HintName == "Consumer.Datadog.HealthApi.g.cs");
        Assert.Contains(" GetApiV2ServiceHealthAsync(", api.SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(compilation.GetDiagnostics().Where(error => error.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Unresolved_ref_reports_a_DDG_diagnostic_naming_the_ref_without_crashing()
    {
        var result = Run("BrokenSpecs/unresolved-ref.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith("DDG", diagnostic.Id, StringComparison.Ordinal);
        Assert.Contains("MissingPong", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(TestFiles.PathOf("BrokenSpecs/unresolved-ref.yaml"), diagnostic.Location.GetLineSpan().Path);
    }

    /// <summary>
    /// Two specs without DatadogGenNamespace share the default namespace, so both emit Consumer.Datadog.DatadogJson.g.cs
    /// (and would both define DatadogJson). That must end in a DDG diagnostic or in code that compiles, not in a crash.
    /// </summary>
    [Fact]
    public void Two_specs_in_one_namespace_do_not_crash_the_generator()
    {
        var specs = new[] { TestFiles.Load("specs/create-postmortem-attachment.yaml"), TestFiles.Load("BrokenSpecs/missing-operation-id.yaml") };

        var runResult = GeneratorHarness.CreateDriver(specs)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var compilation, out _)
            .GetRunResult();

        Assert.Null(runResult.Results[0].Exception);
        Assert.DoesNotContain(runResult.Diagnostics, diagnostic => diagnostic.Id == "CS8785");
        var reported = runResult.Diagnostics.Any(diagnostic => diagnostic.Id.StartsWith("DDG", StringComparison.Ordinal) && diagnostic.Severity == DiagnosticSeverity.Error);
        var compiles = !compilation.GetDiagnostics().Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.True(reported || compiles, "Neither a DDG error nor code that compiles.");
    }

    /// <summary>The same DDG005, checked by the testing package: id, severity, file, line and column, arguments.</summary>
    [Fact]
    public async Task Testing_package_sees_DDG005_at_the_path_of_the_operation()
    {
        var test = new DatadogGeneratorTest { TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        test.TestState.AdditionalFiles.Add(("missing-operation-id.yaml", File.ReadAllText(TestFiles.PathOf("BrokenSpecs/missing-operation-id.yaml"))));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("DDG005", DiagnosticSeverity.Warning)
            .WithSpan("missing-operation-id.yaml", 6, 1, 6, 1)
            .WithArguments("GET", "/api/v2/service_health", "GetApiV2ServiceHealth"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Testing_package_sees_DDG002_for_a_swagger_2_document()
    {
        var test = new DatadogGeneratorTest();
        test.TestState.AdditionalFiles.Add(("swagger-2.yaml", File.ReadAllText(TestFiles.PathOf("BrokenSpecs/swagger-2.yaml"))));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("DDG002", DiagnosticSeverity.Error)
            .WithSpan("swagger-2.yaml", 1, 1, 1, 1)
            .WithArguments("swagger-2.yaml", "Swagger 2.0"));

        await test.RunAsync();
    }

    private static GeneratorRunResult Run(string relativePath, SpecOptions? options = null) => Run(relativePath, out _, options);

    private static GeneratorRunResult Run(string relativePath, out Compilation compilation, SpecOptions? options = null)
    {
        var spec = TestFiles.Load(relativePath);
        var runResult = GeneratorHarness.CreateDriver(options ?? new SpecOptions(), spec)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out compilation, out _)
            .GetRunResult();

        // A generator that throws shows up as an exception here and as CS8785 among the driver's diagnostics.
        Assert.Null(runResult.Results[0].Exception);
        Assert.DoesNotContain(runResult.Diagnostics, diagnostic => diagnostic.Id.StartsWith("CS", StringComparison.Ordinal));
        return runResult.Results[0];
    }
}
