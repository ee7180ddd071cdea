using System;
using System.IO;

namespace DatadogGen.Generator.Tests;

/// <summary>Spec files copied to the test output: specs/, BrokenSpecs/ and TestSpecs/.</summary>
internal static class TestFiles
{
    public static string PathOf(string relativePath) => Path.Combine(AppContext.BaseDirectory, relativePath);

    public static InMemoryAdditionalText Load(string relativePath) => new(PathOf(relativePath), File.ReadAllText(PathOf(relativePath)));
}
