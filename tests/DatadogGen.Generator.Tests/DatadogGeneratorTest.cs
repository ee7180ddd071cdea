using System.IO;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TestingReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// The testing package's generator test, kept offline: no reference package is resolved (which would download
/// Microsoft.NETCore.App.Ref); the SDK's own reference pack and the runtime assembly are added as plain references.
/// </summary>
internal sealed class DatadogGeneratorTest : CSharpSourceGeneratorTest<DatadogGenerator, DefaultVerifier>
{
    /// <summary>The folder the testing package puts every generated file under: generator assembly / generator type.</summary>
    public const string GeneratedPathPrefix = "DatadogGen.Generator/DatadogGen.Generator.DatadogGenerator/";

    public DatadogGeneratorTest(string rootNamespace = "Consumer")
    {
        ReferenceAssemblies = new TestingReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Tests.ReferenceAssemblies.All);
        // The testing package needs one C# source; the generator reads none.
        TestState.Sources.Add(("/0/Consumer.cs", "namespace " + rootNamespace + ";\n\ninternal static class Placeholder\n{\n}\n"));
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = " + rootNamespace + "\n"));
    }

    public void AddSpecFromOutput(string fileName) =>
        TestState.AdditionalFiles.Add((fileName, File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "specs", fileName))));
}
