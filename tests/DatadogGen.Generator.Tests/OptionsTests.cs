using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>The MSBuild options of docs/configuration.md, each changing the output as documented.</summary>
public sealed class OptionsTests
{
    private const string SpecPath = "/specs/create-postmortem-attachment.yaml";

    [Fact]
    public void Accessibility_internal_makes_every_generated_type_internal()
    {
        var sources = Generate(new() { ["build_metadata.AdditionalFiles.DatadogGenAccessibility"] = "internal" }, out var compilation);

        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, source => source.Contains("public partial class") || source.Contains("public sealed partial class")
            || source.Contains("public readonly partial struct") || source.Contains("public static partial class"));
        var api = compilation.GetTypeByMetadataName("Consumer.Datadog.IncidentsApi")!;
        Assert.Equal(Accessibility.Internal, api.DeclaredAccessibility);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Project_wide_property_applies_when_the_file_has_no_metadata()
    {
        Generate(new() { ["build_property.DatadogGenAccessibility"] = "internal" }, out var compilation);

        Assert.Equal(Accessibility.Internal, compilation.GetTypeByMetadataName("Consumer.Datadog.Attachment")!.DeclaredAccessibility);
    }

    [Fact]
    public void Unstable_as_experimental_marks_unstable_operations_with_DDG100()
    {
        var sources = Generate(new() { ["build_metadata.AdditionalFiles.DatadogGenUnstableAsExperimental"] = "true" }, out var compilation);

        var api = sources.Single(source => source.Contains("class IncidentsApi"));
        // Both methods of the operation, on the interface and on the class.
        Assert.Equal(4, CountOf(api, "[global::System.Diagnostics.CodeAnalysis.Experimental(\"DDG100\")]"));

        // The generated class implements the experimental interface members without tripping DDG100 itself.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // A caller that has not opted in gets the compile-time error DDG100, through the class or the interface.
        foreach (var apiType in new[] { "IncidentsApi", "IIncidentsApi" })
        {
            var caller = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                "class Caller { System.Threading.Tasks.Task M(Consumer.Datadog." + apiType + " api) => api.CreateIncidentPostmortemAttachmentAsync(\"id\", new Consumer.Datadog.PostmortemAttachmentRequest { Data = null! }); }",
                new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest));
            var errors = compilation.AddSyntaxTrees(caller).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id);
            Assert.Contains("DDG100", errors);
        }
    }

    [Fact]
    public void Without_the_option_unstable_operations_are_not_experimental()
    {
        var sources = Generate(new(), out _);

        Assert.DoesNotContain(sources, source => source.Contains("Experimental("));
    }

    [Fact]
    public void Exclude_deprecated_drops_deprecated_operations()
    {
        var spec = GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml")
            .Replace("      operationId: CreateIncidentPostmortemAttachment\n", "      deprecated: true\n      operationId: CreateIncidentPostmortemAttachment\n");
        Assert.Contains("deprecated: true", spec);

        var kept = GeneratorHarness.Run(SpecPath, spec, out _, new SpecOptions()).GeneratedTrees.Select(tree => tree.ToString()).ToList();
        var excluded = GeneratorHarness.Run(SpecPath, spec, out _, new SpecOptions(extra: new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DatadogGenExcludeDeprecated"] = "true" }));

        Assert.Contains(kept, source => source.Contains("[global::System.Obsolete(\"Deprecated in the spec.\")]") && source.Contains("CreateIncidentPostmortemAttachmentAsync"));
        Assert.DoesNotContain(excluded.GeneratedTrees, tree => tree.ToString().Contains("CreateIncidentPostmortemAttachmentAsync"));
    }

    [Fact]
    public void DatadogGenEnabled_false_turns_the_generator_off()
    {
        var result = GeneratorHarness.Run(SpecPath, GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml"), out _,
            new SpecOptions(extra: new Dictionary<string, string> { ["build_property.DatadogGenEnabled"] = "false" }));

        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
    }

    private static List<string> Generate(Dictionary<string, string> extra, out Compilation compilation)
    {
        var result = GeneratorHarness.Run(SpecPath, GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml"), out compilation, new SpecOptions(extra: extra));
        Assert.Null(result.Results[0].Exception);
        return result.GeneratedTrees.Select(tree => tree.ToString()).ToList();
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty).Length) / value.Length;
}
