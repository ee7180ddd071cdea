using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Input meant to hurt: alias bombs, deep nesting, huge strings and files end quickly, with DDG012 where a limit
/// protects the build, never with a hang, a stack overflow or an out-of-memory.
/// </summary>
public sealed class HostileInputTests
{
    private const string Path = "/project/hostile.yaml";

    /// <summary>Nine levels of ten aliases each: a billion "lol"s once expanded.</summary>
    [Fact]
    public void Yaml_alias_bomb_is_DDG012_within_seconds()
    {
        var bomb = new StringBuilder("x-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append(CultureInvariant($"  {level}: &{level} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]\n"));
        }

        var run = Timed(SpecWith(bomb.ToString()), out var elapsed);

        AssertLimit(run, "alias");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"Took {elapsed.TotalSeconds:F1} s.");
    }

    [Theory]
    [InlineData("flow sequences")]
    [InlineData("flow maps")]
    [InlineData("block maps")]
    [InlineData("a schema")]
    public void Nesting_5000_levels_deep_is_DDG012_without_a_stack_overflow(string shape)
    {
        const int depth = 5000;
        var spec = shape switch
        {
            "flow sequences" => SpecWith("x-deep: " + new string('[', depth) + new string(']', depth) + "\n"),
            "flow maps" => SpecWith("x-deep: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n"),
            "block maps" => SpecWith("x-deep:\n" + string.Concat(Enumerable.Range(1, depth).Select(level => new string(' ', level) + "a:\n")) + new string(' ', depth + 1) + "end\n"),
            _ => SpecWith(string.Empty, "    Deep: " + string.Concat(Enumerable.Repeat("{type: object, properties: {a: ", depth)) + "{type: string}" + string.Concat(Enumerable.Repeat("}}", depth)) + "\n"),
        };

        var run = Timed(spec, out var elapsed);

        AssertLimit(run, "nest");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"Took {elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>
    /// A 20 MB description completes quickly, either generated or refused with a DDG error. (Today the reader
    /// refuses any scalar over 65,536 characters, so it is DDG012.)
    /// </summary>
    [Fact]
    public void A_20_MB_string_value_completes()
    {
        var description = new string('x', 20 * 1024 * 1024);
        var spec = SpecWith(string.Empty, "    Big:\n      type: object\n      description: " + description + "\n      properties:\n        a: {type: string}\n", responseSchema: "Big");
        var stopwatch = Stopwatch.StartNew();

        var run = BuildContract.Check(Path, spec, timeout: TimeSpan.FromSeconds(60));

        Assert.True(run.HasDdgError || run.Result.GeneratedSources.Any(source => source.HintName.EndsWith(".Big.g.cs", StringComparison.Ordinal)));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"Took {stopwatch.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>Just under the reader's scalar limit: a 65,000-character description ends up in XML docs that compile.</summary>
    [Fact]
    public void A_65_000_character_description_is_generated_and_compiles()
    {
        var description = string.Concat(Enumerable.Repeat("<b>&amp; */ \\ \" ", 65_000 / 20)).PadRight(65_000, 'x');
        var spec = SpecWith(string.Empty, "    Big:\n      type: object\n      description: " + SpecWriterQuote(description) + "\n      properties:\n        a: {type: string}\n", responseSchema: "Big");

        var run = BuildContract.Compiles(Path, spec);

        Assert.Contains(run.Result.GeneratedSources, source => source.HintName.EndsWith(".Big.g.cs", StringComparison.Ordinal));
    }

    /// <summary>Built in memory (64 MB of padding in a comment after a valid spec): refused before parsing.</summary>
    [Fact]
    public void A_file_over_64_MB_is_DDG012_without_being_parsed()
    {
        var spec = SpecWith(string.Empty) + "# " + new string('x', 64 * 1024 * 1024) + "\n";

        var run = Timed(spec, out var elapsed);

        var error = AssertLimit(run, "characters");
        Assert.Contains("67,108,864", error.GetMessage(), StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"Took {elapsed.TotalSeconds:F1} s.");
    }

    private static BuildContract.Run Timed(string spec, out TimeSpan elapsed)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = BuildContract.Check(Path, spec, timeout: TimeSpan.FromSeconds(30));
        elapsed = stopwatch.Elapsed;
        return run;
    }

    private static Diagnostic AssertLimit(BuildContract.Run run, string mentioning)
    {
        var error = Assert.Single(run.Ddg("DDG012"));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(mentioning, error.GetMessage(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.Result.GeneratedSources);
        return error;
    }

    /// <summary>A valid one-operation spec with <paramref name="topLevel"/> YAML added at the top level.</summary>
    private static string SpecWith(string topLevel, string schemas = "    A:\n      type: object\n      properties:\n        a: {type: string}\n", string responseSchema = "A") =>
        topLevel + MiniSpec.WithSchemas(schemas, responseSchema);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string SpecWriterQuote(string value) => Fuzzing.SpecWriter.Quote(value);
}
