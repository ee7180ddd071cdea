using System;
using System.IO;
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
        await GuideCommands.RunAsStepSixShowsAsync(tool, ToolDll(tool));
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
        await GuideCommands.RunAsStepSixShowsAsync(tool, ToolDll(tool));
    }

    // Step 2's commands as written, beside a "DatadogGen" folder whose artifacts/packages is the packed feed.
    private async Task<string> CreateAsGuideSaysAsync()
    {
        var root = GuideCommands.BesideTheClone(packages, "getting-started");
        var tool = await GuideCommands.RunAsync("getting-started/create.sh", root, packages, Path.Combine(packages.Directory, "getting-started-packages"));
        Assert.True(File.Exists(Path.Combine(tool, "IncidentTool.csproj")), "Step 2 did not leave IncidentTool/IncidentTool.csproj.");
        return tool;
    }

    private static string ToolDll(string tool) => GuideCommands.ToolDll(tool, "IncidentTool");

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
}
