using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DatadogGen.Testing;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>The README's usage is the code a test compiles and runs, not a copy that can drift.</summary>
public class ReadmeTests
{
    [Fact]
    public void UsageInReadmeIsTheCodeThatTheEndToEndTestRuns()
    {
        var readme = File.ReadAllText(RepositoryPaths.InRepository("README.md"));
        var usage = Regex.Match(readme, "## Usage\\s+```csharp\\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;
        var test = File.ReadAllText(RepositoryPaths.InRepository("tests", "DatadogGen.Tests", "PostmortemClientTests.cs"));

        var usageLines = Lines(usage);
        Assert.True(usageLines.Length > 10, "README.md has no C# usage block under '## Usage'.");
        var testLines = Lines(test);
        var usageStart = System.Array.IndexOf(testLines, usageLines[0]);
        Assert.True(usageStart >= 0, "The README usage's first line is not in PostmortemClientTests.cs.");

        // The test adds only the lines that aim the client at its loopback server.
        var testUsage = testLines.Skip(usageStart).Where(line => !line.StartsWith("configuration.BaseAddress") && !line.StartsWith("configuration.ApiKey") && !line.StartsWith("configuration.ApplicationKey"));
        Assert.Equal(usageLines, testUsage.Take(usageLines.Length));
    }

    private static string[] Lines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
}
