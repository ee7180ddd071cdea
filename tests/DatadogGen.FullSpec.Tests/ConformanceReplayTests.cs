using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// Datadog's conformance recordings of the Incidents feature (60 scenarios, 179 interactions) replayed through
/// the client generated for all of v2, against Datadog's own replay server: every request must be the one
/// Datadog's client sent, every recorded response must be read (an error status as ApiException with it).
/// Interactions the April 2026 spec cannot express are spec drift: skipped, counted and printed.
/// </summary>
public class ConformanceReplayTests(ConformanceServerFixture server, ITestOutputHelper output) : IClassFixture<ConformanceServerFixture>
{
    public static IEnumerable<object[]> Scenarios() => ConformanceScenario.TheoryData();

    [SharedDataTheory]
    [MemberData(nameof(Scenarios))]
    public async Task GeneratedClientReplaysTheScenario(RecordingName scenario)
    {
#if DATADOG_SHARED_SPEC
        var result = await ConformanceReplay.RunAsync(ConformanceScenario.Load(scenario.Name), await server.GetAsync());
        foreach (var line in result.Lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine(result.Summary);
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures.Select(f => $"{f.Where}: [{f.Kind}] {f.Message}")));
#else
        await Task.CompletedTask;
        _ = server;
        output.WriteLine(CassetteRoundTripTests.NotGenerated(scenario.Name));
        Assert.Fail(CassetteRoundTripTests.NotGenerated(scenario.Name));
#endif
    }

    [SharedDataFact]
    public async Task ReplayCoversEveryScenario()
    {
#if DATADOG_SHARED_SPEC
        var replay = await server.GetAsync();
        var results = new List<ConformanceResult>();
        foreach (var name in ConformanceScenario.Names())
        {
            results.Add(await ConformanceReplay.RunAsync(ConformanceScenario.Load(name), replay));
        }

        var failures = results.SelectMany(r => r.Failures).ToList();
        output.WriteLine($"scenarios: {results.Count}, passed: {results.Count(r => r.Failures.Count == 0)}");
        output.WriteLine($"interactions: {results.Sum(r => r.Interactions)}, replayed: {results.Sum(r => r.Replayed)}, "
            + $"request mismatches: {failures.Count(f => f.Kind == FailureKind.RequestMismatch)}, "
            + $"response failures: {failures.Count(f => f.Kind == FailureKind.Response)}, "
            + $"other failures: {failures.Count(f => f.Kind is not (FailureKind.RequestMismatch or FailureKind.Response))}, "
            + $"spec drift: {results.Sum(r => r.SpecDrift)}, failed interactions: {results.Sum(r => r.FailedInteractions)}");
        var withRunnerData = results.Count(r => r.UnderTest is not null);
        output.WriteLine($"requests under test (test-runner-data): {results.Sum(r => r.UnderTestReplayed)} replayed, "
            + $"{results.Sum(r => r.UnderTestDrift)} spec drift, in {withRunnerData} scenarios that name one "
            + $"({results.Count - withRunnerData} scenarios have no test-runner-data file)");
        output.WriteLine($"operations replayed: {string.Join(", ", results.SelectMany(r => r.ReplayedOperations).Distinct().Order(StringComparer.Ordinal))}");
        foreach (var line in results.SelectMany(r => r.Lines.Where(l => l.StartsWith("  spec drift", StringComparison.Ordinal)).Select(l => r.Name + ": " + l.Trim())))
        {
            output.WriteLine(line);
        }

        output.WriteLine("");
        output.WriteLine("Failures by kind, each with its first example:");
        foreach (var group in failures.GroupBy(f => f.Kind + ": " + Shape(f.Message)))
        {
            output.WriteLine($"  {group.Count()} x {group.Key}");
            output.WriteLine($"      e.g. {group.First().Where}: {group.First().Message}");
        }

        // Every interaction is accounted for exactly once: replayed, spec drift or failed.
        Assert.Equal(results.Sum(r => r.Interactions), results.Sum(r => r.Replayed) + results.Sum(r => r.SpecDrift) + results.Sum(r => r.FailedInteractions));
        Assert.True(failures.Count == 0, $"{failures.Count} failures in {results.Count(r => r.Failures.Count > 0)} scenarios; see the test output");
#else
        await Task.CompletedTask;
        output.WriteLine(CassetteRoundTripTests.NotGenerated("all scenarios"));
        Assert.Fail(CassetteRoundTripTests.NotGenerated("all scenarios"));
#endif
    }

    /// <summary>
    /// A failure message up to its second ": " (operation, then what went wrong and where), without the values
    /// after it, so the same problem met twice groups together.
    /// </summary>
    private static string Shape(string message)
    {
        var firstLine = message.Split('\n')[0];
        var first = firstLine.IndexOf(": ", StringComparison.Ordinal);
        var second = first < 0 ? -1 : firstLine.IndexOf(": ", first + 2, StringComparison.Ordinal);
        return second < 0 ? firstLine : firstLine[..second];
    }
}
