#if DATADOG_SHARED_SPEC
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// Replays one conformance scenario through the generated client against Datadog's replay server: each recorded
/// interaction in order becomes a call of the generated method; the server checks the request, the test checks
/// what the call returned or threw. An interaction the client could not send right is then sent as recorded, so
/// one failure does not turn every later interaction of the scenario into a mismatch.
/// </summary>
internal static class ConformanceReplay
{
    public static async Task<ConformanceResult> RunAsync(ConformanceScenario scenario, ConformanceServer server)
    {
        var result = new ConformanceResult(scenario);
        result.Lines.Add(scenario.UnderTest is { } named
            ? $"request under test (test-runner-data): {named}"
            : "request under test: unknown (no test-runner-data file for this scenario)");

        var session = await server.OpenSessionAsync(ConformanceScenario.Version, ConformanceScenario.Feature, scenario.Name);
        var configuration = new Configuration { BaseAddress = server.BaseAddress, ApiKey = "test-api-key", ApplicationKey = "test-app-key" };
        var handler = new ReplaySessionHandler(session);
        using var httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        using var client = new ApiClient(configuration, httpClient);
        if (scenario.UnderTest is { } tested && !scenario.Interactions.Any(tested.Matches))
        {
            result.Fail(FailureKind.Harness, scenario.Name, $"no recorded interaction is the request under test {tested}");
        }

        foreach (var interaction in scenario.Interactions)
        {
            var underTest = scenario.UnderTest?.Matches(interaction) == true;
            var label = interaction + (underTest ? " [under test]" : "");
            var (replayed, drift, failuresBefore) = (result.Replayed, result.SpecDrift, result.Failures.Count);
            var notConsumed = await ReplayAsync(interaction, label, configuration, client, handler, result);
            if (notConsumed)
            {
                // Move the session past this interaction so the rest of the scenario still gets checked.
                if (await server.SendAsRecordedAsync(session, interaction) is { } problem)
                {
                    result.Fail(FailureKind.Harness, label, problem);
                }
            }

            result.FailedInteractions += result.Failures.Count > failuresBefore ? 1 : 0;
            result.UnderTestReplayed += underTest && result.Replayed > replayed ? 1 : 0;
            result.UnderTestDrift += underTest && result.SpecDrift > drift ? 1 : 0;
        }

        var end = await server.StopSessionAsync(session);
        result.Lines.Add($"session: {end.Interactions} of {end.TotalInteractions} interactions consumed");
        if (!end.Complete)
        {
            result.Fail(FailureKind.Harness, scenario.Name, $"the session consumed {end.Interactions} of {end.TotalInteractions} interactions");
        }

        if (result.Replayed == 0)
        {
            // A scenario made only of spec drift would otherwise pass having checked nothing.
            result.Fail(FailureKind.NothingReplayed, scenario.Name, $"none of its {scenario.Interactions.Count} interactions was replayed through the generated client");
        }

        return result;
    }

    /// <summary>One interaction through the generated client; true when the server did not consume it.</summary>
    private static async Task<bool> ReplayAsync(
        ConformanceInteraction interaction, string label, Configuration configuration, ApiClient client, ReplaySessionHandler handler, ConformanceResult result)
    {
        var preparation = GeneratedCall.Prepare(interaction, configuration);
        if (preparation.SpecDrift is { } drift)
        {
            result.SpecDrift++;
            result.Lines.Add($"  spec drift {label}: {drift}; skipped (sent as recorded)");
            return true;
        }

        if (preparation.Call is not { } call)
        {
            result.Fail(FailureKind.CannotCall, label, preparation.Failure!);
            return true;
        }

        handler.Clear();
        var outcome = await GeneratedCall.CallAsync(call, client);
        var answers = handler.Answers;
        var operationId = call.Operation.OperationId;
        if (answers.Count == 0)
        {
            result.Fail(FailureKind.CannotCall, label, $"{operationId} sent no request"
                + (outcome.Exception is { } e ? $" ({e.GetType().Name}: {e.Message})" : ""));
            return true;
        }

        if (answers[0] is { TestError: "request-mismatch" } mismatch)
        {
            result.Fail(FailureKind.RequestMismatch, label, $"{operationId} sent a request other than the recorded one: {DescribeMismatch(mismatch.TestErrorBody!)}");
            return true;
        }

        if (answers[0] is { TestError: { } error } other)
        {
            result.Fail(FailureKind.Harness, label, $"{operationId}: the replay server answered {other.Status} {error}: {other.TestErrorBody}");
            return true;
        }

        if (answers.Count > 1)
        {
            // Retries are off by default, so a second request means the client sent something it should not have.
            result.Fail(FailureKind.RequestMismatch, label, $"{operationId} sent {answers.Count} requests for one call");
            return false;
        }

        var problems = GeneratedCall.CompareResponse(interaction, call.Operation, outcome).ToList();
        if (problems.Count > 0)
        {
            result.Fail(FailureKind.Response, label, $"{operationId}: {string.Join("; ", problems)}");
        }
        else
        {
            result.Replayed++;
            result.ReplayedOperations.Add(operationId);
            result.Lines.Add($"  ok {label} via {call}"
                + (outcome.Exception is ApiException { Error: { } typed } ? $"; ApiException.Error is a {typed.GetType().Name}" : ""));
        }

        return false;
    }

    /// <summary>The fields of the server's expected and actual requests that differ, each with both values.</summary>
    private static string DescribeMismatch(string body)
    {
        using var document = JsonDocument.Parse(body);
        var expected = document.RootElement.GetProperty("expected");
        var actual = document.RootElement.GetProperty("actual");
        var differences = new List<string>();
        foreach (var field in new[] { "method", "path", "query", "content_type", "body" })
        {
            var recorded = expected.GetProperty(field);
            var sent = actual.GetProperty(field);
            if (FirstMissing(recorded, sent, "$") is { } where)
            {
                differences.Add($"{field} differs at {where}\n      recorded: {Compact(recorded)}\n      sent:     {Compact(sent)}");
            }
        }

        return differences.Count == 0 ? "(no difference found in the server's answer) " + body : string.Join("; ", differences);
    }

    /// <summary>A JSON value on one line (the server's answer is indented).</summary>
    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Where <paramref name="actual"/> lacks what <paramref name="expected"/> has, as the server compares: objects
    /// need every expected key (extra keys are fine), arrays the same length, other values equal (numbers by value).
    /// </summary>
    private static string? FirstMissing(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            return expected.EnumerateObject()
                .Select(p => actual.TryGetProperty(p.Name, out var value) ? FirstMissing(p.Value, value, path + "." + p.Name) : $"{path}.{p.Name} (not sent)")
                .FirstOrDefault(found => found is not null);
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array && expected.GetArrayLength() == actual.GetArrayLength())
        {
            return expected.EnumerateArray().Zip(actual.EnumerateArray())
                .Select((pair, index) => FirstMissing(pair.First, pair.Second, $"{path}[{index}]"))
                .FirstOrDefault(found => found is not null);
        }

        return SameValue(expected, actual) ? null : $"{path}: {expected.GetRawText()} vs {actual.GetRawText()}";
    }

    /// <summary>
    /// Python's <c>==</c> on the server's normalised JSON: strings exactly (a date-time's text too, so
    /// <c>00.000Z</c> is not <c>00Z</c>), numbers by value, anything else by its text.
    /// </summary>
    private static bool SameValue(JsonElement expected, JsonElement actual) =>
        (expected.ValueKind, actual.ValueKind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => expected.GetString() == actual.GetString(),
            (JsonValueKind.Number, JsonValueKind.Number) => expected.TryGetDecimal(out var left) && actual.TryGetDecimal(out var right)
                ? left == right
                : expected.GetDouble() == actual.GetDouble(),
            _ => expected.ValueKind == actual.ValueKind && expected.GetRawText() == actual.GetRawText(),
        };
}

/// <summary>Why an interaction failed, so the totals can say which kind of problem the client has.</summary>
internal enum FailureKind
{
    /// <summary>The replay server said the request differs from the recorded one.</summary>
    RequestMismatch,

    /// <summary>The request matched, but the response was not read as recorded (or the error not as ApiException).</summary>
    Response,

    /// <summary>No generated method, arguments that cannot be built from the recording, or no request sent.</summary>
    CannotCall,

    /// <summary>A scenario with nothing replayed through the generated client.</summary>
    NothingReplayed,

    /// <summary>The replay itself went wrong: session not complete, server error, recorded request refused.</summary>
    Harness,
}

/// <summary>What replaying one scenario found, line by line and in totals.</summary>
internal sealed class ConformanceResult(ConformanceScenario scenario)
{
    public string Name => scenario.Name;

    public int Interactions => scenario.Interactions.Count;

    public RequestUnderTest? UnderTest => scenario.UnderTest;

    public int Replayed { get; set; }

    public int SpecDrift { get; set; }

    /// <summary>Interactions with at least one failure (each interaction is replayed, spec drift or failed).</summary>
    public int FailedInteractions { get; set; }

    /// <summary>Interactions that are the request under test (test-runner-data) and passed.</summary>
    public int UnderTestReplayed { get; set; }

    /// <summary>Interactions that are the request under test but spec drift.</summary>
    public int UnderTestDrift { get; set; }

    public HashSet<string> ReplayedOperations { get; } = new(StringComparer.Ordinal);

    public List<string> Lines { get; } = [];

    public List<(FailureKind Kind, string Where, string Message)> Failures { get; } = [];

    public int Count(FailureKind kind) => Failures.Count(f => f.Kind == kind);

    public string Summary =>
        $"{Name}: {Interactions} interactions, {Replayed} replayed, {SpecDrift} spec drift, "
        + $"{Count(FailureKind.RequestMismatch)} request mismatches, {Count(FailureKind.Response)} response failures, "
        + $"{Failures.Count} failures in all";

    public void Fail(FailureKind kind, string where, string message)
    {
        Failures.Add((kind, where, message));
        Lines.Add($"  FAIL {where}: [{kind}] {message}");
    }
}
#endif
