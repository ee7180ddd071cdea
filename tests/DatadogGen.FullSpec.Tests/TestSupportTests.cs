using System;
using System.IO;
using DatadogGen.Testing;
using DatadogGen.Tests;
using Xunit;

namespace DatadogGen.FullSpec.Tests;

/// <summary>The helpers the real-data tests rely on, checked without the real data (these run in any clone).</summary>
public class TestSupportTests
{
    [Theory]
    [InlineData(true, false, false)]
    [InlineData(true, true, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void SharedDataTestsSkipOnlyWhenTheFolderIsMissingAndNotRequired(bool exists, bool required, bool skipped)
    {
        var reason = SharedData.SkipReasonFor(exists, required);

        Assert.Equal(skipped, reason is not null);
        if (skipped)
        {
            Assert.Equal("../shared/datadog not found: the real Datadog spec and recorded traffic are only in CI and developer machines", reason);
        }
    }

    [Fact]
    public void SharedDataDirectoryIsTheOneTheBuildGeneratedFrom()
    {
        // The project passes its DatadogSharedDir to the assembly, so -p:DatadogSharedDir moves build and tests together.
        Assert.EndsWith("datadog", SharedData.Directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        Assert.True(Path.IsPathFullyQualified(SharedData.Directory));
    }

    [Theory]
    [InlineData("      example: [this:tag, that:tag]", "      example: [\"this:tag\", \"that:tag\"]")]
    [InlineData("        example: [team:product, host:abc]\r", "        example: [\"team:product\", \"host:abc\"]\r")]
    [InlineData("      - [a:b, c]", "      - [\"a:b\", c]")]
    [InlineData("      example: [plain, words]", "      example: [plain, words]")]
    [InlineData("      example: [\"quoted:tag\", other]", "      example: [\"quoted:tag\", other]")]
    [InlineData("      description: a [link:x] in prose", "      description: a [link:x] in prose")]
    [InlineData("      example: [{a: b}]", "      example: [{a: b}]")]
    public void SpecLinesSharpYamlRejectsAreQuoted(string line, string expected)
    {
        Assert.Equal(expected, DatadogSpec.QuotePlainScalarsWithColonInFlowSequences(line));
    }

    [Theory]
    [InlineData("2026-02-23T14:06:33.421258+00:00", "2026-02-23T14:06:33.421258Z")]
    [InlineData("2026-02-23T14:06:33.123456789Z", "2026-02-23T14:06:33.1234567+00:00")]
    [InlineData("2026-02-23T16:06:33.5+02:00", "2026-02-23T14:06:33.500Z")]
    public void DateTimesCompareAsInstantsToTheTick(string recorded, string written)
    {
        Assert.Null(JsonAssert.Difference($"{{\"at\":\"{recorded}\"}}", $"{{\"at\":\"{written}\"}}"));
    }

    [Theory]
    [InlineData("""{"at":"2026-02-23T14:06:33.1234567Z"}""", """{"at":"2026-02-23T14:06:33.1234568Z"}""")]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"a":1,"b":[2,1]}""")]
    [InlineData("""{"a":null}""", """{}""")]
    [InlineData("""{"a":1}""", """{"a":1.5}""")]
    public void DifferencesAreFound(string expected, string actual)
    {
        Assert.NotNull(JsonAssert.Difference(expected, actual));
    }

    [Theory]
    [InlineData("""{"b":2,"a":1.0}""", """{"a":1,"b":2e0}""")]
    [InlineData("""[1e300]""", """[1E+300]""")]
    public void KeyOrderAndNumberSpellingDoNotMatter(string expected, string actual)
    {
        Assert.Null(JsonAssert.Difference(expected, actual));
    }

    [Theory]
    [InlineData("/api/v2/incidents/search?query=state%3A%28active%20OR%20stable%29&page%5Bsize%5D=2",
                "/api/v2/incidents/search?page[size]=2&query=state:(active+OR+stable)")]
    [InlineData("/api/v2/incidents/a%2Fb", "/api/v2/incidents/a%2fb")]
    public void UrisCompareWithPercentEncodingNormalized(string recorded, string sent)
    {
        Assert.Equal(RecordedUri.Normalize(recorded), RecordedUri.Normalize(sent));
    }

    [Fact]
    public void AnEscapedSlashStaysInsideItsSegment()
    {
        Assert.NotEqual(RecordedUri.Normalize("/api/v2/incidents/a%2Fb"), RecordedUri.Normalize("/api/v2/incidents/a/b"));
    }
}
