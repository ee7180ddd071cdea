using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Packaging.Tests;

/// <summary>
/// README.md's way to work on the generator itself: its project snippet, with "path/to/DatadogGen" made this
/// clone, around the README's usage; built (the generator and runtime from source, into a temporary folder) and run
/// against a loopback server standing in for Datadog.
/// </summary>
public sealed class ProjectReferenceTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "datadoggen-project-references-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task ReadmeProjectReferencesBuildTheClientFromSource()
    {
        var consumer = Path.Combine(_directory, "consumer");
        Directory.CreateDirectory(consumer);
        var references = DocSnippets.Code("readme/project-references.xml")
            .Replace("path/to/DatadogGen/", RepositoryPaths.Root.TrimEnd('/') + "/", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerTests.ProjectFile(references, Path.Combine(_directory, "packages")));
        File.Copy(RepositoryPaths.InRepository("specs", "create-postmortem-attachment.yaml"), Path.Combine(consumer, "datadog-openapi.yaml"));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerTests.ProgramFromUsage(DocSnippets.Code("readme/usage.cs")));

        // Build output of the referenced projects goes to the temporary folder too, not to the clone's bin/ and obj/.
        var build = await DotNet.RunAsync(consumer,
            ["build", "Consumer.csproj", "-c", "Release", "--disable-build-servers", "--artifacts-path", Path.Combine(_directory, "artifacts")]);
        Assert.True(build.ExitCode == 0, build.ToString());
        output.WriteLine($"{build.Command}: {build.Elapsed.TotalSeconds:0.0} s");

        await using var server = await LoopbackServer.StartAsync(201, ReferenceExamples.CreatedResponse);
        var run = await DotNet.RunAsync(consumer,
            [Path.Combine(_directory, "artifacts", "bin", "Consumer", "release", "Consumer.dll"), server.BaseAddress.ToString()],
            new Dictionary<string, string?> { ["DD_API_KEY"] = "test-api-key", ["DD_APP_KEY"] = "test-app-key", ["DD_SITE"] = null },
            TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Created attachment 00000000-abcd-0002-0000-000000000000", run.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder.
        }
    }
}
