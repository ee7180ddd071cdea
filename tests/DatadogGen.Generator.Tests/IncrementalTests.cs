using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Which pipeline steps rerun after an edit. The generator reads only AdditionalFiles, so C# edits must cost
/// nothing, and a spec edit must re-emit only the files whose model changed.
/// </summary>
public sealed class IncrementalTests
{
    private const string SpecPath = "/project/specs/create-postmortem-attachment.yaml";
    private const string OtherSpecPath = "/project/specs/other/create-postmortem-attachment.yaml";

    private static readonly string[] StepNames =
    {
        TrackingNames.SpecFiles, TrackingNames.ParsedSpecs, TrackingNames.Types,
        TrackingNames.Apis, TrackingNames.Support, TrackingNames.Diagnostics,
    };

    private static readonly string Spec = GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml");

    [Fact]
    public void Adding_a_csharp_file_reruns_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { class A { } }");
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText(SpecPath, Spec)).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { class B { } }")))
            .GetRunResult().Results[0];

        AssertNothingReran(result);
    }

    [Fact]
    public void Editing_a_csharp_file_reruns_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { class A { } }");
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText(SpecPath, Spec)).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = tree.WithChangedText(tree.GetText().Replace(0, tree.Length, "namespace Consumer { class A { int X; } }"));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results[0];

        AssertNothingReran(result);
    }

    [Fact]
    public void Editing_a_property_description_re_emits_only_the_type_declaring_it()
    {
        var result = RunWithEditedSpec("The content of the cell in markdown format", "The cell's content, in markdown");

        AssertOnlyTypesModified(result, "PostmortemCellDefinition");
        Assert.Contains("The cell's content, in markdown", SourceOf(result, "PostmortemCellDefinition"));
    }

    /// <summary>A property that is a $ref is documented with the referenced schema's description, so both files change.</summary>
    [Fact]
    public void Editing_a_schema_description_re_emits_that_type_and_the_types_documenting_a_reference_to_it()
    {
        var result = RunWithEditedSpec("Definition of a postmortem cell", "Definition of one postmortem cell");

        AssertOnlyTypesModified(result, "PostmortemCellAttributes", "PostmortemCellDefinition");
        Assert.Contains("Definition of one postmortem cell", SourceOf(result, "PostmortemCellDefinition"));
    }

    [Fact]
    public void Editing_one_of_two_specs_leaves_the_other_cached()
    {
        var options = new PerFileSpecOptions(new Dictionary<string, string>
        {
            [SpecPath] = "Consumer.First",
            [OtherSpecPath] = "Consumer.Second",
        });
        var compilation = GeneratorHarness.CreateCompilation();
        var edited = new InMemoryAdditionalText(SpecPath, Spec);
        var untouched = new InMemoryAdditionalText(OtherSpecPath, Spec);
        var driver = GeneratorHarness.CreateDriver(options, edited, untouched).RunGenerators(compilation);
        var editedSpec = EditDescription(Spec, "Definition of a postmortem cell", "Definition of one postmortem cell");

        var result = driver.ReplaceAdditionalText(edited, new InMemoryAdditionalText(SpecPath, editedSpec))
            .RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        foreach (var step in StepNames)
        {
            var outputsOfUntouched = result.TrackedSteps[step].Where(run => SourcePathOf(run) == OtherSpecPath).SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputsOfUntouched);
            Assert.All(outputsOfUntouched, output => Assert.True(IsReused(output.Reason), $"{step} of the untouched spec was {output.Reason}."));
        }

        Assert.Contains(result.TrackedSteps[TrackingNames.ParsedSpecs], run => SourcePathOf(run) == SpecPath && run.Outputs.Single().Reason == IncrementalStepRunReason.Modified);
    }

    private static GeneratorRunResult RunWithEditedSpec(string description, string newDescription)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var original = new InMemoryAdditionalText(SpecPath, Spec);
        var driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);
        var edited = new InMemoryAdditionalText(SpecPath, EditDescription(Spec, description, newDescription));

        var result = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        return result;
    }

    /// <summary>The spec was re-parsed, yet only the named types' steps and source outputs ran again.</summary>
    private static void AssertOnlyTypesModified(GeneratorRunResult result, params string[] typeNames)
    {
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, TrackingNames.SpecFiles));
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, TrackingNames.ParsedSpecs));

        var types = Outputs(result, TrackingNames.Types);
        Assert.Equal(typeNames, types.Where(output => output.Reason == IncrementalStepRunReason.Modified).Select(output => TypeNameOf(output.Value)));
        Assert.All(types.Where(output => output.Reason != IncrementalStepRunReason.Modified), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        foreach (var step in new[] { TrackingNames.Apis, TrackingNames.Support, TrackingNames.Diagnostics })
        {
            Assert.All(Outputs(result, step), output => Assert.True(IsReused(output.Reason), $"{step} was {output.Reason}."));
        }

        var sourceOutputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.Equal(typeNames.Length, sourceOutputs.Count(output => !IsReused(output.Reason)));
    }

    private static string SourceOf(GeneratorRunResult result, string typeName) =>
        result.GeneratedSources.Single(source => source.HintName == "Consumer.Datadog." + typeName + ".g.cs").SourceText.ToString();

    private static void AssertNothingReran(GeneratorRunResult result)
    {
        Assert.Null(result.Exception);
        foreach (var step in StepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"Step {step} was not tracked.");
            Assert.All(Outputs(result, step), output => Assert.True(IsReused(output.Reason), $"{step} was {output.Reason}."));
        }

        var sourceOutputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, output => Assert.True(IsReused(output.Reason), $"A source output was {output.Reason}."));
    }

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();

    private static IncrementalStepRunReason SingleReason(GeneratorRunResult result, string step) =>
        Assert.Single(Outputs(result, step)).Reason;

    private static string EditDescription(string spec, string from, string to)
    {
        Assert.Equal(1, CountOf(spec, "description: " + from + "\n"));
        return spec.Replace("description: " + from + "\n", "description: " + to + "\n");
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty).Length) / value.Length;

    /// <summary>
    /// The Types step yields one record per generated file: a small spec gets a file per type, so its FileKey is
    /// the type's name.
    /// </summary>
    private static string? TypeNameOf(object value) =>
        (string?)value.GetType().GetProperty("FileKey")!.GetValue(value);

    /// <summary>The spec a step ran for: every step's value, or its input chain, carries the spec's path.</summary>
    private static string? SourcePathOf(IncrementalGeneratorRunStep run)
    {
        foreach (var (value, _) in run.Outputs)
        {
            var path = value.GetType().GetProperty("SourcePath")?.GetValue(value) ?? value.GetType().GetProperty("Path")?.GetValue(value);
            if (path is string found)
            {
                return found;
            }
        }

        return run.Inputs.Select(input => SourcePathOf(input.Source)).FirstOrDefault(path => path is not null);
    }
}
