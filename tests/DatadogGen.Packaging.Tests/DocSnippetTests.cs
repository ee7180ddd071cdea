using System;
using System.Linq;
using Xunit;

namespace DatadogGen.Packaging.Tests;

/// <summary>That every C# and project snippet of the newcomer's documents is compiled by a test.</summary>
public sealed class DocSnippetTests
{
    /// <summary>The snippets that <see cref="ConsumerTests"/>, <see cref="GettingStartedTests"/> and <see cref="ProjectReferenceTests"/> build and run (or compare a run with).</summary>
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
}
