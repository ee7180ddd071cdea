using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DatadogGen.StandIn;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Packaging.Tests;

/// <summary>
/// docs/getting-started.md followed as written: its project file and Program.cs, the packed DatadogGen package from a
/// local feed, Datadog's real v2 spec unmodified; built with warnings as errors and run against the stand-in of
/// standin/ (what `dotnet run --project standin` serves), in the app itself and over the client library.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class GettingStartedTests(PackedPackages packages, ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task TheToolListsEveryIncidentReadsOneRenamesItAndAttachesAPostmortem()
    {
        var tool = await CreateAsGuideSaysAsync();
        File.WriteAllText(Path.Combine(tool, "IncidentTool.csproj"), Snippet("getting-started/IncidentTool.csproj"));
        File.Copy(SharedData.PathOf("openapi-v2.yaml"), Path.Combine(tool, "openapi.yaml"));
        File.WriteAllText(Path.Combine(tool, "Program.cs"), DocSnippets.Code("getting-started/Program.cs"));

        await BuildAsync(tool, "IncidentTool.csproj");
        await RunAgainstTheStandInAsync(tool);
        await RunWithTheStandInStoppedAsync(tool);
    }

    [SharedDataFact]
    public async Task TheSameToolRunsOverTheClientLibrary()
    {
        var library = Folder("getting-started-library", "Datadog.Client");
        File.WriteAllText(Path.Combine(library, "Datadog.Client.csproj"), Snippet("getting-started/Datadog.Client.csproj"));
        File.Copy(SharedData.PathOf("openapi-v2.yaml"), Path.Combine(library, "openapi.yaml"));
        var tool = Folder("getting-started-library", "IncidentTool");
        File.WriteAllText(Path.Combine(tool, "IncidentTool.csproj"), DocSnippets.Code("getting-started/IncidentTool-over-library.csproj"));
        File.WriteAllText(Path.Combine(tool, "Program.cs"), DocSnippets.Code("getting-started/Program.cs"));

        await BuildAsync(tool, "IncidentTool.csproj");
        await RunAgainstTheStandInAsync(tool);
    }

    // Step 2's commands as written, next to a "DatadogGen" folder whose artifacts/packages is the packed feed; only
    // the package version is the one this run packed.
    private async Task<string> CreateAsGuideSaysAsync()
    {
        var root = Path.Combine(packages.Directory, "getting-started");
        Directory.CreateDirectory(Path.Combine(root, "DatadogGen", "artifacts"));
        Directory.CreateSymbolicLink(Path.Combine(root, "DatadogGen", "artifacts", "packages"), packages.Feed);
        var directory = root;
        foreach (var line in DocSnippets.Code("getting-started/create.sh").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = line.Trim().Split(' ');
            if (words[0] == "cd")
            {
                directory = Path.Combine(directory, words[1]);
                continue;
            }

            Assert.Equal("dotnet", words[0]);
            var arguments = words[1..].Select(word => word == "0.1.0" ? packages.Version : word).ToArray();
            var step = await DotNet.RunAsync(directory, arguments,
                new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(packages.Directory, "getting-started-packages") });
            Assert.True(step.ExitCode == 0, step.ToString());
        }

        Assert.True(File.Exists(Path.Combine(directory, "IncidentTool.csproj")), "Step 2 did not leave IncidentTool/IncidentTool.csproj.");
        return directory;
    }

    private static string ToolDll(string tool) => Path.Combine(tool, "bin", "Release", "net10.0", "IncidentTool.dll");

    private string Snippet(string name) => DocSnippets.WithPackageVersion(DocSnippets.Code(name), packages.Version);

    // A folder under the packing's temporary directory, with the nuget.config that step 2 of the guide makes.
    private string Folder(string scenario, string project)
    {
        var root = Path.Combine(packages.Directory, scenario);
        var folder = Path.Combine(root, project);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(root, "nuget.config"), ConsumerTests.NuGetConfig(packages.Feed));
        return folder;
    }

    private async Task BuildAsync(string folder, string project)
    {
        var build = await DotNet.BuildConsumerAsync(folder, project, Path.Combine(packages.Directory, "getting-started-packages"));
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(" 0 Warning(s)", build.Output);
        output.WriteLine($"{build.Command}: {build.Elapsed.TotalSeconds:0.0} s");
    }

    // "How errors look": the guide's message, with the port of a stand-in that has just stopped.
    private static async Task RunWithTheStandInStoppedAsync(string tool)
    {
        Uri stopped;
        await using (IncidentStandIn standIn = await IncidentStandIn.StartAsync())
        {
            stopped = standIn.BaseAddress;
        }

        var run = await DotNet.RunWithoutKeysAsync(tool, ToolDll(tool), stopped);

        Assert.Equal(1, run.ExitCode);
        var expected = DocSnippets.Code("getting-started/error.txt").Replace("127.0.0.1:5080", stopped.Authority, StringComparison.Ordinal);
        Assert.Equal(expected.Trim(), run.Output.Trim());
    }

    private async Task RunAgainstTheStandInAsync(string tool)
    {
        await using IncidentStandIn standIn = await IncidentStandIn.StartAsync();
        var run = await DotNet.RunWithoutKeysAsync(tool, ToolDll(tool), standIn.BaseAddress);
        Assert.True(run.ExitCode == 0, run.ToString());

        // What the guide says the run prints, with the stand-in's address in place of 127.0.0.1:5080.
        var expected = DocSnippets.Code("getting-started/output.txt")
            .Replace("http://127.0.0.1:5080/", standIn.BaseAddress.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected.ReplaceLineEndings("\n").Trim(), run.Output.ReplaceLineEndings("\n").Trim());
    }
}
