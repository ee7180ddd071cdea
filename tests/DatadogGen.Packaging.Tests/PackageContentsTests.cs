using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using DatadogGen.Testing;
using Xunit;

namespace DatadogGen.Packaging.Tests;

/// <summary>What is inside the packed DatadogGen and DatadogGen.Runtime packages, file by file.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentsTests(PackedPackages packages)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    /// <summary>The Roslyn the generator is built against: every .NET 10 SDK and Visual Studio 2022 17.14 load it.</summary>
    private static readonly Version RoslynFloor = new(4, 14, 0, 0);

    /// <summary>
    /// What the compiler process itself provides to an analyzer, in the .NET SDK and in Visual Studio: the Roslyn
    /// assemblies, netstandard and Roslyn's own dependencies. Anything else an analyzer references has to be in the
    /// analyzer folder, or loading it fails (CS8785); and a second copy of one of these in the folder is exactly
    /// what makes generators fail to load in Visual Studio only.
    /// </summary>
    private static readonly HashSet<string> ProvidedByTheCompiler = new(StringComparer.Ordinal)
    {
        "netstandard",
        "Microsoft.CodeAnalysis",
        "Microsoft.CodeAnalysis.CSharp",
        "System.Collections.Immutable",
        "System.Memory",
        "System.Reflection.Metadata",
        "System.Runtime.CompilerServices.Unsafe",
    };

    [Fact]
    public void AnalyzerFolderHoldsTheGeneratorAndItsThreeDependenciesOnly()
    {
        using var package = ZipFile.OpenRead(packages.AnalyzerPackage);

        var analyzerEntries = Entries(package).Where(name => name.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                AnalyzerFolder + "DatadogGen.Generator.dll",
                AnalyzerFolder + "Microsoft.OpenApi.Readers.dll",
                AnalyzerFolder + "Microsoft.OpenApi.dll",
                AnalyzerFolder + "SharpYaml.dll",
            ],
            analyzerEntries);
    }

    [Fact]
    public void AnalyzerAssembliesNeedNothingButEachOtherAndWhatTheCompilerProvides()
    {
        using var package = ZipFile.OpenRead(packages.AnalyzerPackage);
        var assemblies = AnalyzerAssemblies(package);
        var inFolder = assemblies.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        var missing = assemblies
            .SelectMany(a => a.References.Select(r => (a.Name, Reference: r.Name)))
            .Where(x => !inFolder.Contains(x.Reference) && !ProvidedByTheCompiler.Contains(x.Reference))
            .Select(x => $"{x.Name} -> {x.Reference}")
            .ToList();
        Assert.True(missing.Count == 0, "Analyzer assemblies reference assemblies that are neither in the analyzer folder nor provided by the compiler: " + string.Join(", ", missing));

        var duplicated = inFolder.Where(ProvidedByTheCompiler.Contains).ToList();
        Assert.True(duplicated.Count == 0, "The analyzer folder ships assemblies the compiler already has: " + string.Join(", ", duplicated));
    }

    [Fact]
    public void GeneratorIsBuiltAgainstRoslyn414WhichTheSdkCompilerCanLoad()
    {
        using var package = ZipFile.OpenRead(packages.AnalyzerPackage);
        var generator = Assert.Single(AnalyzerAssemblies(package), a => a.Name == "DatadogGen.Generator");

        var roslyn = Assert.Single(generator.References, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.Equal(RoslynFloor, roslyn.Version);
        var csharp = Assert.Single(generator.References, r => r.Name == "Microsoft.CodeAnalysis.CSharp");
        Assert.Equal(RoslynFloor, csharp.Version);

        // A generator built against a newer Roslyn than the compiler's is skipped with CS9057.
        var sdkCompiler = Path.Combine(DotNet.Root, "sdk", packages.SdkVersion, "Roslyn", "bincore", "Microsoft.CodeAnalysis.dll");
        Assert.True(File.Exists(sdkCompiler), $"No compiler at {sdkCompiler}.");
        using var stream = File.OpenRead(sdkCompiler);
        using var pe = new PEReader(stream);
        var compilerVersion = pe.GetMetadataReader().GetAssemblyDefinition().Version;
        Assert.True(roslyn.Version <= compilerVersion, $"The generator needs Roslyn {roslyn.Version}; SDK {packages.SdkVersion} has {compilerVersion}.");
    }

    [Fact]
    public void BuildFoldersDeclareWhatTheGeneratorReads()
    {
        using var package = ZipFile.OpenRead(packages.AnalyzerPackage);
        var expected = File.ReadAllText(RepositoryPaths.InRepository("generator", "build", "DatadogGen.props"));

        Assert.Equal(
            ["build/DatadogGen.props", "buildTransitive/DatadogGen.props"],
            Entries(package).Where(name => name.StartsWith("build", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(expected, ReadText(package, "build/DatadogGen.props"));
        Assert.Equal(expected, ReadText(package, "buildTransitive/DatadogGen.props"));

        // Every option the docs name reaches the generator from the package's props alone.
        var props = XDocument.Parse(expected);
        var properties = props.Descendants("CompilerVisibleProperty").Select(e => (string?)e.Attribute("Include")).ToList();
        var metadata = props.Descendants("CompilerVisibleItemMetadata")
            .Where(e => (string?)e.Attribute("Include") == "AdditionalFiles")
            .Select(e => (string?)e.Attribute("MetadataName")).ToList();
        foreach (var option in new[] { "DatadogGenNamespace", "DatadogGenOperations", "DatadogGenAccessibility", "DatadogGenUnstableAsExperimental", "DatadogGenExcludeDeprecated" })
        {
            Assert.Contains(option, properties);
            Assert.Contains(option, metadata);
        }

        Assert.Contains("DatadogGenEnabled", properties);
        Assert.Contains("RootNamespace", properties);
    }

    [Fact]
    public void AnalyzerPackageShipsNoAssemblyForTheConsumerToReference()
    {
        using var package = ZipFile.OpenRead(packages.AnalyzerPackage);

        // Only the empty marker that makes the package a net10.0 package; the generator is never a reference.
        Assert.Equal(["lib/net10.0/_._"], Entries(package).Where(name => name.StartsWith("lib/", StringComparison.Ordinal) || name.StartsWith("ref/", StringComparison.Ordinal)));
        Assert.Equal(0, package.GetEntry("lib/net10.0/_._")!.Length);
    }

    [Fact]
    public void AnalyzerPackageBringsTheRuntime()
    {
        using var package = ZipFile.OpenRead(packages.AnalyzerPackage);
        var metadata = Nuspec(package);

        // A development dependency would keep the runtime from flowing to the consumer.
        Assert.NotEqual("true", Element(metadata, "developmentDependency")?.Value);

        var group = Assert.Single(Element(metadata, "dependencies")!.Elements());
        Assert.Equal("group", group.Name.LocalName);
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        var dependency = Assert.Single(group.Elements());
        Assert.Equal("DatadogGen.Runtime", (string?)dependency.Attribute("id"));
        Assert.Equal(packages.Version, (string?)dependency.Attribute("version"));
        // Nothing excluded: compile and runtime assets of the runtime reach the consumer.
        Assert.Null(dependency.Attribute("exclude"));
        Assert.Null(dependency.Attribute("include"));
    }

    [Fact]
    public void RuntimePackageHasTheAssemblyAndItsXmlDocsAndNoDependency()
    {
        using var package = ZipFile.OpenRead(packages.RuntimePackage);

        Assert.Equal(
            ["lib/net10.0/DatadogGen.Runtime.dll", "lib/net10.0/DatadogGen.Runtime.xml"],
            Entries(package).Where(name => name.StartsWith("lib/", StringComparison.Ordinal) || name.StartsWith("ref/", StringComparison.Ordinal) || name.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var docs = XDocument.Parse(ReadText(package, "lib/net10.0/DatadogGen.Runtime.xml"));
        Assert.Contains(docs.Descendants("member"), m => (string?)m.Attribute("name") == "T:DatadogGen.Configuration");

        var groups = Element(Nuspec(package), "dependencies")!.Elements().ToList();
        var group = Assert.Single(groups);
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        Assert.Empty(group.Elements());

        // Symbols for debugging into the runtime.
        Assert.True(File.Exists(Path.ChangeExtension(packages.RuntimePackage, ".snupkg")), "No .snupkg beside the runtime package.");
    }

    [Theory]
    [InlineData("DatadogGen")]
    [InlineData("DatadogGen.Runtime")]
    public void PackageDescribesItself(string id)
    {
        using var package = ZipFile.OpenRead(id == "DatadogGen" ? packages.AnalyzerPackage : packages.RuntimePackage);
        var metadata = Nuspec(package);

        Assert.Equal(id, Element(metadata, "id")?.Value);
        Assert.Equal(packages.Version, Element(metadata, "version")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "authors")?.Value));
        var description = Element(metadata, "description")?.Value ?? "";
        Assert.NotEqual("Package Description", description);
        Assert.True(description.Length > 80, $"Description too short: '{description}'");

        var license = Element(metadata, "license");
        Assert.Equal("expression", (string?)license?.Attribute("type"));
        Assert.Equal("MIT", license?.Value);

        var repository = Element(metadata, "repository");
        Assert.Equal("git", (string?)repository?.Attribute("type"));
        Assert.StartsWith("https://github.com/", (string?)repository?.Attribute("url"));
        Assert.False(string.IsNullOrEmpty(Element(metadata, "projectUrl")?.Value));
        Assert.Contains("datadog", (Element(metadata, "tags")?.Value ?? "").Split(' '));

        var readme = Element(metadata, "readme")?.Value;
        Assert.Equal("PACKAGE_README.md", readme);
        Assert.Equal(File.ReadAllText(RepositoryPaths.InRepository("docs", "PACKAGE_README.md")), ReadText(package, readme!));
    }

    private static IEnumerable<string> Entries(ZipArchive package) =>
        package.Entries.Select(e => e.FullName).Where(name =>
            !name.StartsWith("_rels/", StringComparison.Ordinal) &&
            !name.StartsWith("package/", StringComparison.Ordinal) &&
            name != "[Content_Types].xml" &&
            !name.EndsWith(".nuspec", StringComparison.Ordinal));

    private static string ReadText(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name);
        Assert.True(entry is not null, $"No {name} in the package.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var entry = Assert.Single(package.Entries, e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return Element(XDocument.Load(stream).Root!, "metadata")!;
    }

    private static XElement? Element(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private sealed record AssemblyReferenceInfo(string Name, Version Version);

    private sealed record AnalyzerAssembly(string Name, IReadOnlyList<AssemblyReferenceInfo> References);

    private static List<AnalyzerAssembly> AnalyzerAssemblies(ZipArchive package) =>
        package.Entries
            .Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .Select(ReadAssembly)
            .ToList();

    private static AnalyzerAssembly ReadAssembly(ZipArchiveEntry entry)
    {
        // PEReader needs a seekable stream; zip entries are not.
        var bytes = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences
            .Select(reader.GetAssemblyReference)
            .Select(r => new AssemblyReferenceInfo(reader.GetString(r.Name), r.Version))
            .ToList();
        return new AnalyzerAssembly(reader.GetString(reader.GetAssemblyDefinition().Name), references);
    }
}
