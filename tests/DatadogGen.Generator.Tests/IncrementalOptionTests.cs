using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Changing an AdditionalFiles option (through the driver's AnalyzerConfigOptionsProvider, as the IDE does when
/// the project file changes) reruns the spec it is set on, and re-emits only the outputs that changed.
/// </summary>
public sealed class IncrementalOptionTests
{
    private const string FirstPath = "/project/first/spec.yaml";
    private const string SecondPath = "/project/second/spec.yaml";
    private const string CatalogPath = "/project/catalog.yaml";

    private static readonly string Postmortem = GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml");

    /// <summary>Two operations in two tags; the Items operation reaches Item*, Meta; the Users one UserProfile*, Meta.</summary>
    private const string Catalog = """
        openapi: 3.0.0
        info: {title: catalog, version: '1'}
        paths:
          /items:
            get:
              operationId: ListItems
              tags: [Items]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ItemList'}
          /users/{id}:
            get:
              operationId: GetUser
              tags: [Users]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/UserProfile'}
        components:
          schemas:
            ItemList:
              type: object
              properties:
                items: {type: array, items: {$ref: '#/components/schemas/Item'}}
                meta: {$ref: '#/components/schemas/Meta'}
            Item:
              type: object
              properties:
                id: {type: string}
                status: {$ref: '#/components/schemas/ItemStatus'}
            ItemStatus:
              type: string
              enum: [active, archived]
            Meta:
              type: object
              properties:
                total: {type: integer}
            UserProfile:
              type: object
              properties:
                name: {type: string}
                role: {$ref: '#/components/schemas/UserRole'}
                meta: {$ref: '#/components/schemas/Meta'}
            UserRole:
              type: string
              enum: [admin, member]
        """;

    [Fact]
    public void Changing_the_namespace_of_one_spec_re_emits_that_spec_only()
    {
        var first = new InMemoryAdditionalText(FirstPath, Postmortem);
        var second = new InMemoryAdditionalText(SecondPath, Postmortem);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Options("Consumer.First", "Consumer.Second"), first, second).RunGenerators(compilation);
        var before = driver.GetRunResult().Results[0].GeneratedSources.Select(source => source.HintName).ToList();

        var result = driver.WithUpdatedAnalyzerConfigOptions(Options("Consumer.Renamed", "Consumer.Second")).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var after = result.GeneratedSources.Select(source => source.HintName).ToList();
        Assert.Equal(before.Where(IsSecond), after.Where(IsSecond));
        Assert.DoesNotContain(after, hint => hint.StartsWith("Consumer.First.", StringComparison.Ordinal));
        Assert.Equal(before.Count(hint => hint.StartsWith("Consumer.First.", StringComparison.Ordinal)), after.Count(hint => hint.StartsWith("Consumer.Renamed.", StringComparison.Ordinal)));

        // The second spec: every step reran (the options provider is an input of the first step) and found its
        // value equal, so nothing after it ran and none of its files was emitted again.
        foreach (var step in new[] { TrackingNames.SpecFiles, TrackingNames.ParsedSpecs, TrackingNames.Types, TrackingNames.Apis, TrackingNames.Support, TrackingNames.Diagnostics })
        {
            var outputs = StepOutputs(result, step, SecondPath);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(IsReused(output.Reason), $"{step} of the second spec was {output.Reason}."));
        }

        var emitted = SourceOutputs(result).Where(output => !IsReused(output.Reason)).ToList();
        Assert.All(emitted, output => Assert.Equal(FirstPath, output.Path));
        Assert.Contains(SourceOutputs(result), output => output.Path == SecondPath);
        Assert.All(SourceOutputs(result).Where(output => output.Path == SecondPath), output => Assert.True(IsReused(output.Reason)));

        // The first spec: its input changed, so it was parsed again and all its files were emitted anew.
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(StepOutputs(result, TrackingNames.SpecFiles, FirstPath)).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(StepOutputs(result, TrackingNames.ParsedSpecs, FirstPath)).Reason);
        Assert.Equal(after.Count(hint => hint.StartsWith("Consumer.Renamed.", StringComparison.Ordinal)), emitted.Count);
    }

    /// <summary>
    /// Narrowing DatadogGenOperations from both operations to ListItems: the Users types and API class disappear,
    /// DatadogJson (which lists every type) is emitted again, and the Items files are left alone. They sort before
    /// the removed ones, and Roslyn compares a SelectMany's outputs position by position, so they are Unchanged.
    /// </summary>
    [Fact]
    public void Narrowing_DatadogGenOperations_removes_the_types_no_longer_reached_and_keeps_the_others()
    {
        var spec = new InMemoryAdditionalText(CatalogPath, Catalog);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Selecting(string.Empty), spec).RunGenerators(compilation);
        var before = Sources(driver.GetRunResult().Results[0]);
        Assert.Equal(["Item", "ItemList", "ItemStatus", "Meta", "UserProfile", "UserRole", "ItemsApi", "UsersApi", "DatadogJson"], before.Keys);

        var result = driver.WithUpdatedAnalyzerConfigOptions(Selecting("ListItems")).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var after = Sources(result);
        Assert.Equal(["Item", "ItemList", "ItemStatus", "Meta", "ItemsApi", "DatadogJson"], after.Keys);
        Assert.All(after.Keys.Where(key => key != "DatadogJson"), key => Assert.Equal(before[key], after[key]));
        Assert.DoesNotContain("UserProfile", after["DatadogJson"], StringComparison.Ordinal);

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(StepOutputs(result, TrackingNames.SpecFiles)).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(StepOutputs(result, TrackingNames.ParsedSpecs)).Reason);
        Assert.Equal(
            ["Item=Unchanged", "ItemList=Unchanged", "ItemStatus=Unchanged", "Meta=Unchanged", "UserProfile=Removed", "UserRole=Removed"],
            Reasons(result, TrackingNames.Types));
        Assert.Equal(["ItemsApi=Unchanged", "UsersApi=Removed"], Reasons(result, TrackingNames.Apis));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(StepOutputs(result, TrackingNames.Support)).Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(StepOutputs(result, TrackingNames.Diagnostics)).Reason);

        // Only DatadogJson was emitted again; the three removed files are gone.
        var sourceOutputs = SourceOutputs(result);
        Assert.Single(sourceOutputs, output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(3, sourceOutputs.Count(output => output.Reason == IncrementalStepRunReason.Removed));
    }

    /// <summary>
    /// Narrowing to GetUser instead removes the types that sort first. The remaining ones are equal to what they
    /// were, but they moved up in the SelectMany's output, so Roslyn reports them Modified and emits them again
    /// (same text). Correct output, with extra work a keyed SelectMany would avoid; Roslyn does not have one.
    /// </summary>
    [Fact]
    public void Narrowing_to_the_operation_whose_types_sort_last_re_emits_its_files_with_the_same_text()
    {
        var spec = new InMemoryAdditionalText(CatalogPath, Catalog);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Selecting(string.Empty), spec).RunGenerators(compilation);
        var before = Sources(driver.GetRunResult().Results[0]);

        var result = driver.WithUpdatedAnalyzerConfigOptions(Selecting("v2.GetUser")).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var after = Sources(result);
        Assert.Equal(["Meta", "UserProfile", "UserRole", "UsersApi", "DatadogJson"], after.Keys);
        Assert.All(after.Keys.Where(key => key != "DatadogJson"), key => Assert.Equal(before[key], after[key]));
        // Positions 0-2 now hold Meta, UserProfile, UserRole (previously Item, ItemList, ItemStatus): Modified.
        // Positions 3-5 are gone; a removed output reports what that position held last time.
        Assert.Equal(
            ["Meta=Modified", "UserProfile=Modified", "UserRole=Modified", "Meta=Removed", "UserProfile=Removed", "UserRole=Removed"],
            Reasons(result, TrackingNames.Types));
        Assert.Equal(["UsersApi=Modified", "UsersApi=Removed"], Reasons(result, TrackingNames.Apis));
        Assert.Equal(4 + 1, SourceOutputs(result).Count(output => output.Reason == IncrementalStepRunReason.Modified));
    }

    /// <summary>Generated files by their short name (the hint name without namespace and .g.cs), in emit order.</summary>
    private static Dictionary<string, string> Sources(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(source => source.HintName["Consumer.Datadog.".Length..^".g.cs".Length], source => source.SourceText.ToString());

    /// <summary>"Name=Reason" for each output of a step: a type file's key or an API class name.</summary>
    private static List<string> Reasons(GeneratorRunResult result, string step) =>
        StepOutputs(result, step).Select(output => KeyOf(output.Value) + "=" + output.Reason).ToList();

    private static string KeyOf(object value) =>
        value.GetType().GetProperty("FileKey")?.GetValue(value) as string
        ?? (value.GetType().GetProperty("Api")?.GetValue(value) is { } api ? api.GetType().GetProperty("ClassName")!.GetValue(api) as string : null)
        ?? value.GetType().Name;

    private static PerFileSpecOptions Selecting(string operations) =>
        new(new Dictionary<string, string>(), operationsByPath: new Dictionary<string, string> { [CatalogPath] = operations });

    private static PerFileSpecOptions Options(string firstNamespace, string secondNamespace) =>
        new(new Dictionary<string, string> { [FirstPath] = firstNamespace, [SecondPath] = secondNamespace });

    private static bool IsSecond(string hintName) => hintName.StartsWith("Consumer.Second.", StringComparison.Ordinal);

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static List<(object Value, IncrementalStepRunReason Reason)> StepOutputs(GeneratorRunResult result, string step, string? sourcePath = null) =>
        result.TrackedSteps[step].Where(run => sourcePath is null || SourcePathOf(run) == sourcePath).SelectMany(run => run.Outputs).ToList();

    private static List<(object Value, IncrementalStepRunReason Reason, string? Path)> SourceOutputs(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs.Select(output => (output.Value, output.Reason, SourcePathOf(run)))).ToList();

    /// <summary>The spec a step ran for: its values carry the path (SourcePath, or Path on SpecInput), or its inputs do.</summary>
    private static string? SourcePathOf(IncrementalGeneratorRunStep run) =>
        run.Outputs.Select(output => output.Value.GetType().GetProperty("SourcePath")?.GetValue(output.Value) ?? output.Value.GetType().GetProperty("Path")?.GetValue(output.Value)).OfType<string>().FirstOrDefault()
        ?? run.Inputs.Select(input => SourcePathOf(input.Source)).FirstOrDefault(path => path is not null);
}
