using System;
using System.IO;
using System.Linq;
using DatadogGen.Testing;
using Xunit;

namespace DatadogGen.Packaging.Tests;

/// <summary>That every C# and project snippet of the newcomer's documents is compiled by a test.</summary>
public sealed class DocSnippetTests
{
    /// <summary>The snippets that <see cref="ConsumerTests"/>, <see cref="GettingStartedTests"/>, <see cref="TemplateTests"/> and <see cref="ProjectReferenceTests"/> build and run (or compare a run with).</summary>
    public static readonly string[] Compiled =
    [
        "readme/install.xml",
        "readme/usage.cs",
        "package-readme/install.xml",
        "package-readme/use.cs",
        "getting-started/IncidentTool.csproj",
        "getting-started/Program.cs",
        "getting-started/Datadog.Client.csproj",
        "getting-started/IncidentTool-over-library.csproj",
        "getting-started/output.txt",
        "getting-started/error.txt",
        "getting-started/create.sh",
        "getting-started/template.sh",
        "readme/project-references.xml",
    ];

    [Fact]
    public void EveryCSharpAndProjectSnippetIsCompiledByATest()
    {
        var snippets = DocSnippets.All();
        var unnamed = snippets.Where(s => DocSnippets.CompiledLanguages.Contains(s.Language) && s.Name is null)
            .Select(s => $"{s.Document}:{s.Line} ({s.Language})").ToList();
        Assert.True(unnamed.Count == 0,
            "These blocks have no '<!-- snippet: name -->' line, so no test compiles them; name them and compile them in a test:\n" + string.Join("\n", unnamed));

        var named = snippets.Where(s => s.Name is not null).Select(s => s.Name!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(named.Distinct(StringComparer.Ordinal), named);
        Assert.Equal(Compiled.Order(StringComparer.Ordinal), named);
    }

    [Fact]
    public void ABlockWithoutAName_IsFound()
    {
        // The check above reads the Markdown with this expression; an unnamed block must not slip through it.
        var blocks = DocSnippets.All();
        Assert.Contains(blocks, s => s.Language == "sh" && s.Name is null);
        Assert.Contains(blocks, s => s.Name == "getting-started/Program.cs" && s.Code.Contains("ListIncidentsWithPaginationAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTemplateHoldsTheGuidesLibraryLayout()
    {
        // dotnet new datadog-incidents makes the layout of getting-started.md's last section: the same three files.
        var content = RepositoryPaths.InRepository("templates", "content", "datadog-incidents");
        Assert.Equal(DocSnippets.Code("getting-started/Datadog.Client.csproj"),
            File.ReadAllText(Path.Combine(content, "Datadog.Client", "Datadog.Client.csproj")).Replace("DATADOGGEN_VERSION", "0.1.0", StringComparison.Ordinal));
        Assert.Equal(DocSnippets.Code("getting-started/IncidentTool-over-library.csproj"),
            File.ReadAllText(Path.Combine(content, "IncidentTool", "IncidentTool.csproj")));
        Assert.Equal(DocSnippets.Code("getting-started/Program.cs"), File.ReadAllText(Path.Combine(content, "IncidentTool", "Program.cs")));

        // The version the template's library references by default is the one this repository packs.
        var version = System.Xml.Linq.XDocument.Load(RepositoryPaths.InRepository("Directory.Build.props")).Descendants("Version").Single().Value;
        Assert.Contains($"\"defaultValue\": \"{version}\"", File.ReadAllText(Path.Combine(content, ".template.config", "template.json")), StringComparison.Ordinal);
    }
}
