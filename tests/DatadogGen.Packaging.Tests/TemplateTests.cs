using System;
using System.IO;
using System.Threading.Tasks;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Packaging.Tests;

/// <summary>
/// The DatadogGen.Templates package as a user gets it: installed into a template store of the test's own,
/// instantiated with `dotnet new datadog-incidents`, built from the packed DatadogGen package and run against the
/// stand-in, as its README says.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class TemplateTests(PackedPackages packages, ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task TheGuidesTemplateCommandsMakeAToolThatRunsAgainstTheStandIn()
    {
        // getting-started.md's template section as written, from the folder that holds the clone: install the
        // template, instantiate it, add step 2's nuget.config. Only the template store is the test's own.
        var root = GuideCommands.BesideTheClone(packages, "getting-started-template");
        var hive = Path.Combine(packages.Directory, "template-hive-guide");
        var solution = await GuideCommands.RunAsync("getting-started/template.sh", root, packages, PackageFolder,
            command => command[0] == "new" && command[1] != "nugetconfig" ? ["--debug:custom-hive", hive] : []);
        // The template was packed with this run's version, so its library references the DatadogGen of this run.
        Assert.Contains($"Include=\"DatadogGen\" Version=\"{packages.Version}\"", File.ReadAllText(Path.Combine(solution, "Datadog.Client", "Datadog.Client.csproj")));
        Assert.True(File.Exists(Path.Combine(solution, "nuget.config")), "The guide's commands left no nuget.config in " + solution);

        // Then step 3's download, here the real spec unmodified, and the run of step 6.
        File.Copy(SharedData.PathOf("openapi-v2.yaml"), Path.Combine(solution, "Datadog.Client", "openapi.yaml"));
        var build = await BuildAsync(solution, "IncidentDesk/IncidentDesk.csproj");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(" 0 Warning(s)", build.Output);
        await GuideCommands.RunAsStepSixShowsAsync(solution, GuideCommands.ToolDll(Path.Combine(solution, "IncidentDesk"), "IncidentDesk"));
    }

    [Fact]
    public async Task WithoutTheSpecTheBuildSaysWhereToGetIt()
    {
        var solution = await InstantiateAsync("NoSpecTool");

        var build = await BuildAsync(solution, "NoSpecTool/NoSpecTool.csproj");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error DDGT001: Datadog.Client needs Datadog's OpenAPI spec as Datadog.Client/openapi.yaml.", build.Output);
        Assert.Contains("https://raw.githubusercontent.com/DataDog/datadog-api-client-python/master/.generator/schemas/v2/openapi.yaml", build.Output);
        Assert.DoesNotContain("error CS", build.Output);
    }

    // `dotnet new install` into a template store of the test's own (--debug:custom-hive), so the user's templates
    // are left alone.
    private async Task<string> InstantiateAsync(string name)
    {
        var hive = Path.Combine(packages.Directory, "template-hive-" + name);
        var install = await DotNet.RunAsync(packages.Directory, ["new", "install", packages.TemplatesPackage, "--debug:custom-hive", hive]);
        Assert.True(install.ExitCode == 0, install.ToString());

        var solution = Path.Combine(packages.Directory, "templates", name);
        var create = await DotNet.RunAsync(packages.Directory,
            ["new", "datadog-incidents", "-n", name, "-o", solution, "--debug:custom-hive", hive]);
        Assert.True(create.ExitCode == 0, create.ToString());
        File.WriteAllText(Path.Combine(solution, "nuget.config"), ConsumerTests.NuGetConfig(packages.Feed));
        return solution;
    }

    private string PackageFolder => Path.Combine(packages.Directory, "template-packages");

    private async Task<CommandResult> BuildAsync(string solution, string project)
    {
        var build = await DotNet.BuildConsumerAsync(solution, project, PackageFolder);
        output.WriteLine($"{build.Command}: {build.Elapsed.TotalSeconds:0.0} s");
        return build;
    }
}
