using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Packaging.Tests;

/// <summary>
/// A new user's project: the install snippet of README.md or of the package README (one PackageReference to
/// DatadogGen, from a local folder feed, and the spec as AdditionalFiles) and its usage snippet as Program.cs, both
/// as written. It restores into a package folder of its own, builds with warnings as errors, and runs against a
/// loopback server standing in for Datadog.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConsumerTests(PackedPackages packages, ITestOutputHelper output)
{
    private const string IncidentId = "00000000-0000-0000-0000-000000000000";

    [Theory]
    [InlineData("readme/install.xml", "readme/usage.cs")]
    [InlineData("package-readme/install.xml", "package-readme/use.cs")]
    public async Task ReadmeInstallAndUsageBuildFromThePackageAndCallDatadog(string install, string usage)
    {
        var consumer = Path.Combine(packages.Directory, "consumer-" + install.Split('/')[0]);
        var packageFolder = Path.Combine(packages.Directory, "consumer-packages");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), NuGetConfig(packages.Feed));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ProjectFile(DocSnippets.WithPackageVersion(DocSnippets.Code(install), packages.Version), packageFolder));
        // The snippet names the spec datadog-openapi.yaml: this repository's subset of Datadog's spec stands in for it.
        File.Copy(RepositoryPaths.InRepository("specs", "create-postmortem-attachment.yaml"), Path.Combine(consumer, "datadog-openapi.yaml"));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ProgramFromUsage(DocSnippets.Code(usage)));

        var build = await DotNet.BuildConsumerAsync(consumer, "Consumer.csproj", packageFolder);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(@": warning [A-Z]+\d+", build.Output);
        Assert.Contains(" 0 Warning(s)", build.Output);

        // Both packages came from the feed into the consumer's own package folder: the runtime as DatadogGen's dependency.
        Assert.True(Directory.Exists(Path.Combine(packageFolder, "datadoggen", packages.Version)), "DatadogGen was not restored from the feed.");
        Assert.True(Directory.Exists(Path.Combine(packageFolder, "datadoggen.runtime", packages.Version)), "DatadogGen.Runtime did not come with DatadogGen.");

        // The runtime is copied to the output; the generator and its dependencies stay in the compiler.
        var outputFolder = Path.Combine(consumer, "bin", "Release", "net10.0");
        var shipped = Directory.GetFiles(outputFolder, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["Consumer.dll", "DatadogGen.Runtime.dll"], shipped);

        await using var server = await LoopbackServer.StartAsync(201, ReferenceExamples.CreatedResponse);
        var run = await DotNet.RunAsync(consumer,
            [Path.Combine(outputFolder, "Consumer.dll"), server.BaseAddress.ToString()],
            new Dictionary<string, string?>
            {
                ["DD_API_KEY"] = "test-api-key",
                ["DD_APP_KEY"] = "test-app-key",
                ["DD_SITE"] = null,
            },
            TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Created attachment 00000000-abcd-0002-0000-000000000000", run.Output);

        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/v2/incidents/{IncidentId}/attachments/postmortems", request.RawTarget);
        Assert.Equal("test-api-key", request.Headers["DD-API-KEY"]);
        Assert.Equal("test-app-key", request.Headers["DD-APPLICATION-KEY"]);
        var sent = Encoding.UTF8.GetString(request.Body);
        if (usage == "readme/usage.cs")
        {
            // The README's example is the API reference's own request.
            JsonAssert.Equivalent(ReferenceExamples.Request, sent);
        }
        else
        {
            Assert.Contains("\"type\":\"incident_attachments\"", sent, StringComparison.Ordinal);
        }

        foreach (var pack in packages.PackResults)
        {
            output.WriteLine($"{pack.Command}: {pack.Elapsed.TotalSeconds:0.0} s");
        }

        output.WriteLine($"consumer restore + build: {build.Elapsed.TotalSeconds:0.0} s; run: {run.Elapsed.TotalSeconds:0.0} s; " +
            $"total with packing: {(packages.PackTime + build.Elapsed + run.Elapsed).TotalSeconds:0.0} s");
    }

    /// <summary>The local feed for the two packages (nothing else may come from it), nuget.org for anything else.</summary>
    internal static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local">
              <package pattern="DatadogGen" />
              <package pattern="DatadogGen.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    /// <summary>
    /// A new console app around a snippet's ItemGroup (the PackageReference and the spec). The namespace is set
    /// through AdditionalFiles metadata, so building proves the package's build/DatadogGen.props reached the generator.
    /// </summary>
    internal static string ProjectFile(string itemGroup, string packageFolder) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <RootNamespace>Consumer</RootNamespace>
            <RestorePackagesPath>{packageFolder}</RestorePackagesPath>
            <!-- As under NativeAOT: reflection-based JSON throws, so the run proves the generated code needs none. -->
            <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
          </PropertyGroup>
        {itemGroup}
        </Project>
        """;

    /// <summary>
    /// A usage snippet as it is, plus a line after its Configuration that aims it at the address given as argument,
    /// and a line printing the result.
    /// </summary>
    internal static string ProgramFromUsage(string usage)
    {
        var lines = usage.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var configurationLine = lines.FindIndex(line => line.Contains("new DatadogGen.Configuration(", StringComparison.Ordinal));
        Assert.True(configurationLine >= 0, "The usage snippet no longer creates a DatadogGen.Configuration:\n" + usage);
        var variable = Regex.Match(lines[configurationLine], @"var\s+(?<name>\w+)\s*=").Groups["name"].Value;
        Assert.False(string.IsNullOrEmpty(variable), "Cannot tell the Configuration variable's name in: " + lines[configurationLine]);
        Assert.Contains(lines, line => line.Contains("Attachment response", StringComparison.Ordinal));

        lines.Insert(configurationLine + 1, $"{variable}.BaseAddress = new Uri(args[0]);");
        return string.Join("\n", lines).TrimEnd() + "\nConsole.WriteLine($\"Created attachment {response.Data?.Id}\");\n";
    }
}
