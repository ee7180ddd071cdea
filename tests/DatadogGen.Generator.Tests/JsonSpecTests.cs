using System;
using System.Linq;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>A spec written as JSON generates what the same spec written as YAML does.</summary>
public sealed class JsonSpecTests
{
    [Fact]
    public void Json_spec_generates_the_same_files_as_the_yaml_spec()
    {
        var yaml = Generate("specs/create-postmortem-attachment.yaml");
        var json = Generate("TestSpecs/create-postmortem-attachment.json");

        Assert.Equal(yaml.Select(file => file.HintName), json.Select(file => file.HintName));
        Assert.Contains("Consumer.Datadog.PostmortemAttachmentRequest.g.cs", json.Select(file => file.HintName));
        foreach (var (fromYaml, fromJson) in yaml.Zip(json))
        {
            // Only the header line naming the source file may differ; see TestSpecs/README.md if the rest does.
            Assert.Equal(fromYaml.Text.Replace("create-postmortem-attachment.yaml", "create-postmortem-attachment.json"), fromJson.Text);
        }
    }

    private static (string HintName, string Text)[] Generate(string relativePath)
    {
        var spec = TestFiles.Load(relativePath);
        var result = GeneratorHarness.Run(spec.Path, spec.GetText().ToString(), out _).Results[0];
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        return result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())).ToArray();
    }
}
