using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>The per-spec options: DatadogGenOperations picks operations, DatadogGenNamespace or RootNamespace names the namespace.</summary>
public sealed class SelectionTests
{
    private const string SpecPath = "specs/create-postmortem-attachment.yaml";

    [Theory]
    [InlineData("CreateIncidentPostmortemAttachment")]
    [InlineData("v2.CreateIncidentPostmortemAttachment")]
    [InlineData(" CreateIncidentPostmortemAttachment ; ")]
    [InlineData("CreateIncidentPostmortemAttachment\r\n    v2.CreateIncidentPostmortemAttachment\n")]
    public void Selecting_the_only_operation_generates_the_same_output_as_selecting_nothing(string operations)
    {
        var everything = Generate(new SpecOptions());
        var selected = Generate(new SpecOptions(operations: operations));

        Assert.Equal(everything.Select(file => file.HintName), selected.Select(file => file.HintName));
        Assert.Equal(everything.Select(file => file.Text), selected.Select(file => file.Text));
    }

    [Fact]
    public void DatadogGenNamespace_metadata_sets_the_namespace()
    {
        var files = Generate(new SpecOptions(@namespace: "Acme.Monitoring.Client"), out var compilation);

        Assert.All(files, file => Assert.StartsWith("Acme.Monitoring.Client.", file.HintName, StringComparison.Ordinal));
        Assert.All(files, file => Assert.Contains("namespace Acme.Monitoring.Client\n", file.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.Text.Contains("Consumer.Datadog", StringComparison.Ordinal));
        Assert.NotNull(compilation.GetTypeByMetadataName("Acme.Monitoring.Client.IncidentsApi"));
        Assert.NotNull(compilation.GetTypeByMetadataName("Acme.Monitoring.Client.Attachment"));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Default_namespace_is_the_root_namespace_followed_by_Datadog()
    {
        var files = Generate(new SpecOptions(rootNamespace: "Acme.Billing"), out var compilation);

        Assert.All(files, file => Assert.StartsWith("Acme.Billing.Datadog.", file.HintName, StringComparison.Ordinal));
        Assert.NotNull(compilation.GetTypeByMetadataName("Acme.Billing.Datadog.IncidentsApi"));
        Assert.NotNull(compilation.GetTypeByMetadataName("Acme.Billing.Datadog.PostmortemAttachmentRequest"));
    }

    [Fact]
    public void Without_a_root_namespace_the_namespace_is_Datadog()
    {
        var files = Generate(new SpecOptions(rootNamespace: ""), out var compilation);

        Assert.All(files, file => Assert.StartsWith("Datadog.", file.HintName, StringComparison.Ordinal));
        Assert.NotNull(compilation.GetTypeByMetadataName("Datadog.IncidentsApi"));
    }

    private static (string HintName, string Text)[] Generate(SpecOptions options) => Generate(options, out _);

    private static (string HintName, string Text)[] Generate(SpecOptions options, out Compilation compilation)
    {
        var result = GeneratorHarness.Run(SpecPath, GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml"), out compilation, options).Results[0];
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.GeneratedSources);
        return result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())).ToArray();
    }
}
