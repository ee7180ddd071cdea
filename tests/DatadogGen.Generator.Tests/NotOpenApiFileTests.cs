using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// An AdditionalFile the project marks as a DatadogGen spec (DatadogGenNamespace or DatadogGenOperations item
/// metadata) that is empty or not OpenAPI at all is an error on that file: the user asked for a client and would
/// otherwise get nothing and no reason. Unmarked YAML and JSON files stay silent, as projects have many.
/// </summary>
public sealed class NotOpenApiFileTests
{
    [Theory]
    [InlineData("BrokenSpecs/not-openapi.yaml")]
    [InlineData("BrokenSpecs/html-page.json")]
    public void File_marked_with_DatadogGenNamespace_that_is_not_OpenAPI_is_DDG013(string relativePath)
    {
        var result = Run(relativePath, Namespaced(relativePath));

        var error = AssertSingleDdg013(result, relativePath);
        Assert.Contains("not an OpenAPI document", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("DatadogGenNamespace", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void File_marked_with_DatadogGenOperations_that_is_not_OpenAPI_is_DDG013()
    {
        const string relativePath = "BrokenSpecs/not-openapi.yaml";
        var options = new PerFileSpecOptions(
            new Dictionary<string, string>(),
            operationsByPath: new Dictionary<string, string> { [TestFiles.PathOf(relativePath)] = "ListIncidents" });

        var result = Run(relativePath, options);

        var error = AssertSingleDdg013(result, relativePath);
        Assert.Contains("DatadogGenOperations", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_marked_as_a_spec_is_DDG013_saying_it_is_empty()
    {
        const string relativePath = "BrokenSpecs/empty.yaml";

        var result = Run(relativePath, Namespaced(relativePath));

        var error = AssertSingleDdg013(result, relativePath);
        Assert.Contains("is empty", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BrokenSpecs/not-openapi.yaml")]
    [InlineData("BrokenSpecs/html-page.json")]
    [InlineData("BrokenSpecs/empty.yaml")]
    public void Unmarked_file_that_is_not_OpenAPI_passes_through_silently(string relativePath)
    {
        var result = Run(relativePath, new PerFileSpecOptions(new Dictionary<string, string>()));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedSources);
    }

    /// <summary>The project-wide property is a default for real specs, not a claim that every YAML file is one.</summary>
    [Fact]
    public void Project_wide_DatadogGenNamespace_does_not_mark_other_yaml_files_as_specs()
    {
        var options = new SpecOptions(extra: new Dictionary<string, string> { ["build_property.DatadogGenNamespace"] = "Consumer.Api" });

        var result = Run("BrokenSpecs/not-openapi.yaml", options);

        Assert.Empty(result.Diagnostics);
    }

    /// <summary>A marked non-spec claims no namespace, so a real spec beside it generates as usual (no DDG009).</summary>
    [Fact]
    public void Marked_non_spec_does_not_take_the_namespace_of_a_real_spec()
    {
        var notASpec = TestFiles.Load("BrokenSpecs/not-openapi.yaml");
        var spec = TestFiles.Load("specs/create-postmortem-attachment.yaml");
        var options = new PerFileSpecOptions(new Dictionary<string, string>
        {
            [notASpec.Path] = "Consumer.Datadog",
            [spec.Path] = "Consumer.Datadog",
        });

        var result = GeneratorHarness.CreateDriver(options, notASpec, spec)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var compilation, out _)
            .GetRunResult().Results[0];

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DDG013", error.Id);
        Assert.Equal(notASpec.Path, error.Location.GetLineSpan().Path);
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Consumer.Datadog.IncidentsApi.g.cs");
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>The rejection is a plain value like every model, so a C# edit neither rereads the file nor reports anew.</summary>
    [Fact]
    public void Editing_csharp_reruns_nothing_for_a_marked_non_spec_and_the_error_stays()
    {
        const string relativePath = "BrokenSpecs/not-openapi.yaml";
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { class A { } }");
        var driver = GeneratorHarness.CreateDriver(Namespaced(relativePath), TestFiles.Load(relativePath)).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { class B { } }")))
            .GetRunResult().Results[0];

        var outputs = result.TrackedSteps[TrackingNames.NotOpenApi].SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"NotOpenApi was {output.Reason}."));
        Assert.Equal("DDG013", Assert.Single(result.Diagnostics).Id);
    }

    private static PerFileSpecOptions Namespaced(string relativePath) =>
        new(new Dictionary<string, string> { [TestFiles.PathOf(relativePath)] = "Consumer.Api" });

    private static Diagnostic AssertSingleDdg013(GeneratorRunResult result, string relativePath)
    {
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DDG013", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(TestFiles.PathOf(relativePath), error.Location.GetLineSpan().Path);
        Assert.Equal(0, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("marked as a DatadogGen spec", error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedSources);
        return error;
    }

    private static GeneratorRunResult Run(string relativePath, AnalyzerConfigOptionsProvider options)
    {
        var result = GeneratorHarness.CreateDriver(options, TestFiles.Load(relativePath))
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out _, out _)
            .GetRunResult().Results[0];
        Assert.Null(result.Exception);
        return result;
    }
}
