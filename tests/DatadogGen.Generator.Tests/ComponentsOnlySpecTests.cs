using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// A spec of shared models (component schemas, no paths) generates every component schema, since no operation
/// selects a subset, and DatadogJson so the models serialize. It once generated nothing but DDG008. DDG008 is
/// left for a spec with nothing to generate at all.
/// </summary>
public sealed class ComponentsOnlySpecTests
{
    private const string RelativePath = "BrokenSpecs/components-only.yaml";

    [Fact]
    public void Every_component_schema_is_generated_with_DatadogJson_and_no_diagnostic()
    {
        var run = BuildContract.Compiles(TestFiles.PathOf(RelativePath), System.IO.File.ReadAllText(TestFiles.PathOf(RelativePath)));

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(
            new[] { "Consumer.Datadog.DatadogJson.g.cs", "Consumer.Datadog.Part.g.cs", "Consumer.Datadog.Shape.g.cs", "Consumer.Datadog.Widget.g.cs", "Consumer.Datadog.WidgetKind.g.cs" },
            run.Result.GeneratedSources.Select(source => source.HintName).OrderBy(name => name, StringComparer.Ordinal));
    }

    /// <summary>With no operations there is nothing to register: no unstable operation, no API class.</summary>
    [Fact]
    public void Support_file_has_the_json_options_and_no_unstable_operation_registration()
    {
        var run = BuildContract.Compiles(TestFiles.PathOf(RelativePath), System.IO.File.ReadAllText(TestFiles.PathOf(RelativePath)));

        var support = run.Result.GeneratedSources.Single(source => source.HintName == "Consumer.Datadog.DatadogJson.g.cs").SourceText.ToString();
        Assert.Contains("new global::DatadogGen.GeneratedCode.JsonModelConverter<global::Consumer.Datadog.Widget>(),", support, StringComparison.Ordinal);
        Assert.DoesNotContain("DatadogRegistrations", support, StringComparison.Ordinal);
    }

    /// <summary>OpenAPI 3.0 requires the paths key: without it the reader's own message says so, on the file.</summary>
    [Fact]
    public void Spec_without_a_paths_key_is_DDG001_naming_the_required_field()
    {
        var spec = "openapi: 3.0.0\ninfo: {title: models, version: '1'}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        a: {type: string}\n";

        var run = BuildContract.Check(MiniSpec.Path, spec);

        var error = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("DDG001", error.Id);
        Assert.Contains("'paths'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("REQUIRED", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openapi: 3.0.0\ninfo: {title: nothing, version: '1'}\npaths: {}\n")]
    [InlineData("openapi: 3.0.0\ninfo: {title: nothing, version: '1'}\npaths: {}\ncomponents:\n  schemas: {}\n")]
    public void Spec_with_neither_operations_nor_schemas_is_DDG008_and_generates_nothing(string spec)
    {
        var run = BuildContract.Check(MiniSpec.Path, spec);

        var warning = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("DDG008", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("nothing was generated", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Result.GeneratedSources);
    }
}
