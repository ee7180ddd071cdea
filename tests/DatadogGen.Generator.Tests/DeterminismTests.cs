using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

public sealed class DeterminismTests
{
    private const string SpecName = "create-postmortem-attachment.yaml";

    [Fact]
    public void Two_fresh_drivers_generate_byte_identical_sources()
    {
        var spec = GeneratorHarness.ReadSpec(SpecName);

        var first = Generate(spec);
        var second = Generate(spec);

        AssertIdentical(first, second);
    }

    [Fact]
    public void Crlf_and_lf_spec_texts_generate_byte_identical_sources()
    {
        var lf = GeneratorHarness.ReadSpec(SpecName).Replace("\r\n", "\n");
        var crlf = lf.Replace("\n", "\r\n");

        AssertIdentical(Generate(lf), Generate(crlf));
    }

    [Fact]
    public void Generated_sources_use_lf_line_endings_only()
    {
        var crlf = GeneratorHarness.ReadSpec(SpecName).Replace("\r\n", "\n").Replace("\n", "\r\n");

        foreach (var (hintName, bytes) in Generate(crlf))
        {
            Assert.False(bytes.Contains((byte)'\r'), $"{hintName} contains a carriage return.");
        }
    }

    private static (string HintName, byte[] Bytes)[] Generate(string specText)
    {
        var result = GeneratorHarness.Run(SpecName, specText, out _).Results[0];
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.GeneratedSources);
        return result.GeneratedSources.Select(source => (source.HintName, Bytes(source))).ToArray();
    }

    private static byte[] Bytes(GeneratedSourceResult source)
    {
        var encoding = source.SourceText.Encoding ?? Encoding.UTF8;
        return encoding.GetPreamble().Concat(encoding.GetBytes(source.SourceText.ToString())).ToArray();
    }

    private static void AssertIdentical((string HintName, byte[] Bytes)[] expected, (string HintName, byte[] Bytes)[] actual)
    {
        Assert.Equal(expected.Select(source => source.HintName), actual.Select(source => source.HintName));
        foreach (var (left, right) in expected.Zip(actual))
        {
            Assert.True(left.Bytes.AsSpan().SequenceEqual(right.Bytes), $"{left.HintName} differs between the runs.");
        }
    }
}
