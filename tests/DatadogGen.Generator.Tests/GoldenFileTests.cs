using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Compares every generated file, byte for byte and by hint name, with Golden/&lt;spec&gt;/&lt;hint name&gt;.
/// Set DATADOGGEN_UPDATE_GOLDEN=1 to rewrite the golden files instead (see Golden/README.md).
/// </summary>
public sealed class GoldenFileTests
{
    private const string SpecName = "create-postmortem-attachment.yaml";
    private const string UpdateVariable = "DATADOGGEN_UPDATE_GOLDEN";

    [Fact]
    public async Task Postmortem_attachment_spec_generates_the_golden_files()
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            WriteGoldenFiles(SpecName);
            return;
        }

        await CreateTest(ReadGoldenFiles(SpecName)).RunAsync();
    }

    [Fact]
    public async Task Edited_golden_file_fails_the_comparison()
    {
        var golden = ReadGoldenFiles(SpecName);
        Assert.NotEmpty(golden);
        var edited = golden.ToDictionary(pair => pair.Key, pair => pair.Value);
        var victim = edited.Keys.OrderBy(name => name, StringComparer.Ordinal).First();
        edited[victim] = edited[victim].Replace("    ", "   ");

        await Assert.ThrowsAnyAsync<Exception>(() => CreateTest(edited).RunAsync());
    }

    private static DatadogGeneratorTest CreateTest(IReadOnlyDictionary<string, string> expected)
    {
        var test = new DatadogGeneratorTest();
        test.AddSpecFromOutput(SpecName);

        // Listed in the order the generator emits them: the package aligns expected and actual files 1:1 when one
        // differs, so this order makes an edit show up as a content diff of that file rather than a reordered list.
        var emitted = EmittedHintNames(SpecName);
        var ordered = expected.OrderBy(pair => emitted.IndexOf(pair.Key) is var index and >= 0 ? index : int.MaxValue)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal);
        foreach (var (hintName, content) in ordered)
        {
            // The generator adds its sources as UTF-8 with BOM; the package compares encodings too.
            test.TestState.GeneratedSources.Add((DatadogGeneratorTest.GeneratedPathPrefix + hintName, SourceText.From(content, Encoding.UTF8)));
        }

        return test;
    }

    private static List<string> EmittedHintNames(string specName) =>
        GeneratorHarness.Run(specName, GeneratorHarness.ReadSpec(specName), out _)
            .Results[0].GeneratedSources.Select(source => source.HintName).ToList();

    /// <summary>The golden files as copied to the test output: hint name -> content.</summary>
    private static Dictionary<string, string> ReadGoldenFiles(string specName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Golden", Path.GetFileNameWithoutExtension(specName));
        Assert.True(Directory.Exists(folder), $"No golden files at {folder}; run with {UpdateVariable}=1 to create them.");
        return Directory.GetFiles(folder, "*.g.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
    }

    /// <summary>Rewrites the golden folder in the source tree (not the test output) with what the generator emits now.</summary>
    private static void WriteGoldenFiles(string specName)
    {
        var result = GeneratorHarness.Run(specName, GeneratorHarness.ReadSpec(specName), out _);
        Assert.Null(result.Results[0].Exception);
        var folder = Path.Combine(SourceFolder(), "Golden", Path.GetFileNameWithoutExtension(specName));
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach (var source in result.Results[0].GeneratedSources)
        {
            File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
