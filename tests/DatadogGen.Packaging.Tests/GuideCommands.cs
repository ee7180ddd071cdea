using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DatadogGen.StandIn;
using Xunit;

namespace DatadogGen.Packaging.Tests;

/// <summary>
/// The shell snippets of getting-started.md run as written, in a folder beside a "DatadogGen" clone whose
/// artifacts/packages is the feed this run packed (step 1's output). Each line is a `cd` or a `dotnet` command.
/// Only the released version the guide names (0.1.0) becomes the version this run packed, and the caller may add
/// arguments that keep a command away from the user's machine (a template store of the test's own).
/// </summary>
internal static class GuideCommands
{
    /// <summary>An empty folder beside a "DatadogGen" folder whose artifacts/packages is the packed feed.</summary>
    public static string BesideTheClone(PackedPackages packages, string scenario)
    {
        var root = Path.Combine(packages.Directory, scenario);
        Directory.CreateDirectory(Path.Combine(root, "DatadogGen", "artifacts"));
        Directory.CreateSymbolicLink(Path.Combine(root, "DatadogGen", "artifacts", "packages"), packages.Feed);
        return root;
    }

    /// <summary>Runs the snippet <paramref name="name"/> from <paramref name="root"/>; returns the folder its last `cd` left.</summary>
    public static async Task<string> RunAsync(
        string name,
        string root,
        PackedPackages packages,
        string packageFolder,
        Func<string[], IEnumerable<string>>? extraArguments = null)
    {
        var directory = root;
        foreach (var line in DocSnippets.Code(name).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = line.Trim().Split(' ');
            if (words[0] == "cd")
            {
                directory = Path.Combine(directory, words[1]);
                continue;
            }

            Assert.True(words[0] == "dotnet", $"{name}: only `cd` and `dotnet` lines can be run as written, not `{line}`.");
            var arguments = words[1..].Select(word => word.Replace("0.1.0", packages.Version, StringComparison.Ordinal)).ToList();
            arguments.AddRange(extraArguments?.Invoke(words[1..]) ?? []);
            var step = await DotNet.RunAsync(directory, arguments, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packageFolder });
            Assert.True(step.ExitCode == 0, step.ToString());
        }

        return directory;
    }

    /// <summary>The tool a `dotnet build -c Release` of <paramref name="folder"/>'s project <paramref name="name"/> made.</summary>
    public static string ToolDll(string folder, string name) => Path.Combine(folder, "bin", "Release", "net10.0", name + ".dll");

    /// <summary>Runs a built tool without keys against a fresh stand-in: it must print what step 6 shows.</summary>
    public static async Task RunAsStepSixShowsAsync(string workingDirectory, string toolDll)
    {
        await using IncidentStandIn standIn = await IncidentStandIn.StartAsync();
        var run = await DotNet.RunWithoutKeysAsync(workingDirectory, toolDll, standIn.BaseAddress);
        Assert.True(run.ExitCode == 0, run.ToString());

        // What the guide says the run prints, with the stand-in's address in place of 127.0.0.1:5080.
        var expected = DocSnippets.Code("getting-started/output.txt")
            .Replace("http://127.0.0.1:5080/", standIn.BaseAddress.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected.ReplaceLineEndings("\n").Trim(), run.Output.ReplaceLineEndings("\n").Trim());
    }
}
