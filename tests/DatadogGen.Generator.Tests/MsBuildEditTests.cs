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
/// A real consumer project built by the real SDK (the "dotnet" on PATH), as a user would: build, then edit the
/// spec and rebuild, three times. The built assembly must follow every edit, with nothing stale left behind.
/// Each step also rewrites a C# file that calls what the spec now defines, so the compiler proves it exists.
/// </summary>
public sealed class MsBuildEditTests(ITestOutputHelper output)
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void Rebuilding_after_each_spec_edit_follows_the_edit_with_no_stale_members()
    {
        var folder = Path.Combine(Path.GetTempPath(), "datadoggen-msbuild-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var succeeded = false;
        var total = Stopwatch.StartNew();
        try
        {
            File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), Project());

            // 1. Two operations and a model.
            Write(folder, Spec(operations: [ListWidgets, CreateWidget], colorProperty: "color"), "(Widget w) => w.Name + w.Color", "api.ListWidgetsAsync()", "api.CreateWidgetAsync(new Widget())");
            Build(folder, restore: true);
            var types = Inspect(folder);
            Assert.Equal(["CreateWidgetAsync", "CreateWidgetWithHttpInfoAsync", "ListWidgetsAsync", "ListWidgetsWithHttpInfoAsync"], ApiMethods(types));
            Assert.Contains("Color", types["Widget"].Properties);
            Assert.True(types.ContainsKey("WidgetList"));

            // 2. An operation added: its method appears.
            Write(folder, Spec(operations: [ListWidgets, CreateWidget, DeleteWidget], colorProperty: "color"), "(Widget w) => w.Name + w.Color", "api.ListWidgetsAsync()", "api.DeleteWidgetAsync(\"id\")");
            Build(folder);
            types = Inspect(folder);
            Assert.Equal(["CreateWidgetAsync", "CreateWidgetWithHttpInfoAsync", "DeleteWidgetAsync", "DeleteWidgetWithHttpInfoAsync", "ListWidgetsAsync", "ListWidgetsWithHttpInfoAsync"], ApiMethods(types));

            // 3. A property renamed: the old name is gone, the new one is there.
            Write(folder, Spec(operations: [ListWidgets, CreateWidget, DeleteWidget], colorProperty: "colour"), "(Widget w) => w.Name + w.Colour", "api.ListWidgetsAsync()", "api.DeleteWidgetAsync(\"id\")");
            Build(folder);
            types = Inspect(folder);
            Assert.Contains("Colour", types["Widget"].Properties);
            Assert.DoesNotContain("Color", types["Widget"].Properties);

            // 4. An operation deleted: its methods are gone, and so is the model only it reached.
            Write(folder, Spec(operations: [CreateWidget, DeleteWidget], colorProperty: "colour"), "(Widget w) => w.Name + w.Colour", "api.CreateWidgetAsync(new Widget())", "api.DeleteWidgetAsync(\"id\")");
            Build(folder);
            types = Inspect(folder);
            Assert.Equal(["CreateWidgetAsync", "CreateWidgetWithHttpInfoAsync", "DeleteWidgetAsync", "DeleteWidgetWithHttpInfoAsync"], ApiMethods(types));
            Assert.False(types.ContainsKey("WidgetList"), "WidgetList is only reached by the deleted operation.");

            succeeded = true;
            output.WriteLine($"four builds in {total.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            if (succeeded)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                output.WriteLine("kept for inspection: " + folder);
            }
        }
    }

    private const string ListWidgets = """
          /widgets:
            get:
              operationId: ListWidgets
              tags: [Widgets]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/WidgetList'}
        """;

    private const string CreateWidget = """
          /widgets/new:
            post:
              operationId: CreateWidget
              tags: [Widgets]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Widget'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Widget'}
        """;

    private const string DeleteWidget = """
          /widgets/{id}:
            delete:
              operationId: DeleteWidget
              tags: [Widgets]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '204':
                  description: deleted
        """;

    private static string Spec(string[] operations, string colorProperty) =>
        "openapi: 3.0.0\ninfo: {title: edits, version: '1'}\npaths:\n" + string.Join("\n", operations) + "\n" + $$$"""
        components:
          schemas:
            Widget:
              type: object
              properties:
                name: {type: string}
                {{{colorProperty}}}: {type: string}
            WidgetList:
              type: object
              properties:
                data: {type: array, items: {$ref: '#/components/schemas/Widget'}}

        """;

    private static string Project() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{RepositoryPaths.InRepository("generator", "build", "DatadogGen.props")}" />
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <RootNamespace>Consumer</RootNamespace>
            <GenerateDocumentationFile>false</GenerateDocumentationFile>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{RepositoryPaths.InRepository("generator", "DatadogGen.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{RepositoryPaths.InRepository("runtime", "DatadogGen.Runtime.csproj")}" />
            <AdditionalFiles Include="api.yaml" DatadogGenNamespace="Consumer.Api" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The spec, and C# that uses what the spec defines (a property read and two calls).</summary>
    private static void Write(string folder, string spec, string property, string firstCall, string secondCall)
    {
        File.WriteAllText(Path.Combine(folder, "api.yaml"), spec);
        File.WriteAllText(Path.Combine(folder, "Usage.cs"), $$"""
            using System;
            using System.Threading.Tasks;
            using Consumer.Api;

            namespace Consumer;

            public static class Usage
            {
                public static readonly Func<Widget, string?> Read = static {{property}};

                public static Task[] Calls(WidgetsApi api) => [{{firstCall}}, {{secondCall}}];
            }
            """);
    }

    /// <summary>
    /// dotnet build: restore only the first time; the generator and runtime are already built (this test project
    /// references both), so they are not rebuilt; no compiler server or MSBuild node outlives the build.
    /// </summary>
    private void Build(string folder, bool restore = false)
    {
        var arguments = new List<string> { "build", "-c", Configuration, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:BuildProjectReferences=false", "-clp:ErrorsOnly;NoSummary" };
        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
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
            Assert.Fail($"dotnet build did not finish within {BuildTimeout.TotalSeconds} s in {folder}.");
        }

        output.WriteLine($"dotnet {string.Join(' ', arguments)}: exit {process.ExitCode} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(process.ExitCode == 0, $"dotnet build failed in {folder}:\n{stdout.Result}\n{stderr.Result}");
    }

    /// <summary>The generated types of the built assembly, read as metadata (nothing loaded).</summary>
    private static Dictionary<string, (HashSet<string> Methods, HashSet<string> Properties)> Inspect(string folder)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, "bin", Configuration, "net10.0", "Consumer.dll"));
        using var pe = new PEReader(new MemoryStream(bytes));
        var metadata = pe.GetMetadataReader();
        var types = new Dictionary<string, (HashSet<string>, HashSet<string>)>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (metadata.GetString(type.Namespace) != "Consumer.Api")
            {
                continue;
            }

            types[metadata.GetString(type.Name)] = (
                type.GetMethods().Select(method => metadata.GetString(metadata.GetMethodDefinition(method).Name)).ToHashSet(StringComparer.Ordinal),
                type.GetProperties().Select(property => metadata.GetString(metadata.GetPropertyDefinition(property).Name)).ToHashSet(StringComparer.Ordinal));
        }

        return types;
    }

    private static string[] ApiMethods(Dictionary<string, (HashSet<string> Methods, HashSet<string> Properties)> types) =>
        types["WidgetsApi"].Methods.Where(name => name.EndsWith("Async", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
}
