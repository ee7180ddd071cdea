using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using DatadogGen.Testing;
using Xunit;

namespace DatadogGen.Packaging.Tests;

/// <summary>
/// DatadogGen, DatadogGen.Runtime and DatadogGen.Templates packed once for all tests of the "Packages" collection,
/// exactly as a release would pack them (`dotnet pack -c Release` of generator/, runtime/ and templates/), with a version no other run uses so that
/// no NuGet cache can hold an older copy. Build output goes to the temporary folder (--artifacts-path), never to
/// the projects' own bin/ and obj/, so the packing neither disturbs nor reuses a developer's build.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    /// <summary>Set to keep the temporary folder (feed, consumer project, build output) for a look after the run.</summary>
    public const string KeepVariable = "DATADOGGEN_KEEP_PACKAGING_TEMP";

    public PackedPackages()
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        Version = $"0.0.0-test-{unique}";
        Directory = Path.Combine(Path.GetTempPath(), $"datadoggen-packaging-{unique}");
        Feed = Path.Combine(Directory, "feed");
    }

    /// <summary>The version the packages were packed with, e.g. 0.0.0-test-1a2b3c4d5e6f.</summary>
    public string Version { get; }

    /// <summary>The temporary folder that holds everything this run writes.</summary>
    public string Directory { get; }

    /// <summary>The local folder feed: the .nupkg files (and the runtime's .snupkg).</summary>
    public string Feed { get; }

    public string AnalyzerPackage => Path.Combine(Feed, $"DatadogGen.{Version}.nupkg");

    public string RuntimePackage => Path.Combine(Feed, $"DatadogGen.Runtime.{Version}.nupkg");

    public string TemplatesPackage => Path.Combine(Feed, $"DatadogGen.Templates.{Version}.nupkg");

    /// <summary>The version of the SDK that packed them (what `dotnet --version` says in the repository).</summary>
    public string SdkVersion { get; private set; } = "";

    /// <summary>What `dotnet pack` printed, one entry per project.</summary>
    public List<CommandResult> PackResults { get; } = [];

    public TimeSpan PackTime { get; private set; }

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Feed);
        // Nothing above the temporary folder may change how the consumer project builds.
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.targets"), "<Project />\n");

        var version = await DotNet.RunAsync(RepositoryPaths.Root, ["--version"]);
        Assert.True(version.ExitCode == 0, version.ToString());
        SdkVersion = version.Output.Trim();

        foreach (var project in new[] { "generator/DatadogGen.Generator.csproj", "runtime/DatadogGen.Runtime.csproj", "templates/DatadogGen.Templates.csproj" })
        {
            var result = await DotNet.RunAsync(RepositoryPaths.Root,
            [
                "pack", RepositoryPaths.InRepository(project.Split('/')),
                "-c", "Release",
                "-o", Feed,
                "--artifacts-path", Path.Combine(Directory, "artifacts"),
                "-p:Version=" + Version,
                "--disable-build-servers",
                // Any warning (NuGet's pack analysis included) fails the pack, as on CI.
                "-warnaserror",
            ]);
            PackResults.Add(result);
            PackTime += result.Elapsed;
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    public Task DisposeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KeepVariable)))
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open must not fail the run; the folder is in the temporary directory anyway.
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>The tests that share one packing of the packages.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packages";
}
