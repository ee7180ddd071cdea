using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DatadogGen.Testing;
using Xunit;

namespace DatadogGen.Packaging.Tests;

/// <summary>One fenced code block of a document, and the name its <c>&lt;!-- snippet: name --&gt;</c> line gives it.</summary>
public sealed record Snippet(string Document, int Line, string Language, string? Name, string Code);

/// <summary>
/// The C# and project snippets of the documents a newcomer follows, read from the Markdown as it is: the tests
/// build and run them as written, so a snippet that drifts from the code fails the test suite. A block is named by
/// an HTML comment on the line before it; every C# and XML block must have a name that a test compiles.
/// </summary>
internal static partial class DocSnippets
{
    /// <summary>The documents whose snippets are compiled.</summary>
    public static readonly string[] Documents = ["README.md", "docs/getting-started.md", "docs/PACKAGE_README.md"];

    /// <summary>The kinds of block that must compile: C# and project files.</summary>
    public static readonly string[] CompiledLanguages = ["csharp", "xml"];

    /// <summary>Every fenced block of <see cref="Documents"/>, in order.</summary>
    public static IReadOnlyList<Snippet> All()
    {
        var snippets = new List<Snippet>();
        foreach (var document in Documents)
        {
            var text = File.ReadAllText(RepositoryPaths.InRepository(document.Split('/'))).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match block in FencedBlock().Matches(text))
            {
                var line = text.AsSpan(0, block.Index).Count('\n') + 1;
                var name = block.Groups["name"].Success ? block.Groups["name"].Value : null;
                snippets.Add(new Snippet(document, line, block.Groups["language"].Value, name, block.Groups["code"].Value));
            }
        }

        return snippets;
    }

    /// <summary>The code of the snippet named <paramref name="name"/>.</summary>
    public static string Code(string name)
    {
        var matches = All().Where(snippet => snippet.Name == name).ToList();
        Assert.True(matches.Count == 1, $"Expected one snippet named '{name}' in {string.Join(", ", Documents)}, found {matches.Count}.");
        return matches[0].Code;
    }

    /// <summary>A project snippet with the package version the tests packed instead of the released one it names.</summary>
    public static string WithPackageVersion(string project, string version)
    {
        const string Released = "Include=\"DatadogGen\" Version=\"0.1.0\"";
        Assert.Contains(Released, project, StringComparison.Ordinal);
        return project.Replace(Released, $"Include=\"DatadogGen\" Version=\"{version}\"", StringComparison.Ordinal);
    }

    // An optional "<!-- snippet: name -->" line, then ```language ... ```.
    [GeneratedRegex(@"(?:<!-- snippet: (?<name>\S+) -->\n)?^```(?<language>[\w-]*)\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();
}
