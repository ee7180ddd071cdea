using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// A throwaway consumer project in a temporary folder, built by the real SDK (the "dotnet" on PATH) as a user would
/// build it: it imports generator/build/DatadogGen.props and references the generator as an analyzer. The folder is
/// deleted when the test calls <see cref="Passed"/>; a failing test keeps it for inspection.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(120);

    private readonly ITestOutputHelper output;
    private bool passed;

    public ConsumerProject(ITestOutputHelper output)
    {
        this.output = output;
        Folder = Path.Combine(Path.GetTempPath(), "datadoggen-msbuild-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>
    /// Consumer.csproj: <paramref name="properties"/> go into its PropertyGroup and <paramref name="items"/> (the
    /// AdditionalFiles) into its ItemGroup, both as raw MSBuild XML.
    /// </summary>
    public void WriteProject(string items, string properties = "") => Write("Consumer.csproj", $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{RepositoryPaths.InRepository("generator", "build", "DatadogGen.props")}" />
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <RootNamespace>Consumer</RootNamespace>
            <GenerateDocumentationFile>false</GenerateDocumentationFile>
        {properties}
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{RepositoryPaths.InRepository("generator", "DatadogGen.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{RepositoryPaths.InRepository("runtime", "DatadogGen.Runtime.csproj")}" />
        {items}
          </ItemGroup>
        </Project>
        """);

    public void Write(string relativePath, string content) => File.WriteAllText(Path.Combine(Folder, relativePath), content);

    /// <summary>Builds and fails the test unless the build succeeds.</summary>
    public void BuildSucceeds(bool restore = false)
    {
        var build = Build(restore);
        Assert.True(build.ExitCode == 0, $"dotnet build failed in {Folder}:\n{build.Output}");
    }

    /// <summary>
    /// dotnet build, printing errors only: restore only when asked; the generator and runtime are already built (the
    /// test project references both), so they are not rebuilt; no compiler server or MSBuild node outlives the build.
    /// </summary>
    public BuildResult Build(bool restore = false)
    {
        var arguments = new List<string> { "build", "-c", Configuration, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:BuildProjectReferences=false", "-clp:ErrorsOnly;NoSummary" };
        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        // A build started from inside `dotnet test` must not inherit the test run's MSBuild settings.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet build did not finish within {BuildTimeout.TotalSeconds} s in {Folder}.");
        }

        output.WriteLine($"dotnet {string.Join(' ', arguments)}: exit {process.ExitCode} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return new BuildResult(process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The types of one namespace of the built assembly, read as metadata (nothing loaded).</summary>
    public Dictionary<string, (HashSet<string> Methods, HashSet<string> Properties)> Inspect(string @namespace)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "bin", Configuration, "net10.0", "Consumer.dll"));
        using var pe = new PEReader(new MemoryStream(bytes));
        var metadata = pe.GetMetadataReader();
        var types = new Dictionary<string, (HashSet<string>, HashSet<string>)>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (metadata.GetString(type.Namespace) != @namespace)
            {
                continue;
            }

            types[metadata.GetString(type.Name)] = (
                type.GetMethods().Select(method => metadata.GetString(metadata.GetMethodDefinition(method).Name)).ToHashSet(StringComparer.Ordinal),
                type.GetProperties().Select(property => metadata.GetString(metadata.GetPropertyDefinition(property).Name)).ToHashSet(StringComparer.Ordinal));
        }

        return types;
    }

    /// <summary>The ...Async methods of one generated API class, sorted.</summary>
    public string[] AsyncMethods(string @namespace, string apiClass) =>
        Inspect(@namespace)[apiClass].Methods.Where(name => name.EndsWith("Async", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The test got to its end: the folder is not needed for inspection.</summary>
    public void Passed() => passed = true;

    public void Dispose()
    {
        if (passed)
        {
            Directory.Delete(Folder, recursive: true);
        }
        else
        {
            output.WriteLine("kept for inspection: " + Folder);
        }
    }
}
