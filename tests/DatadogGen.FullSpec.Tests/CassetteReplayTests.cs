using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests;
using Xunit;
using Xunit.Abstractions;
#if DATADOG_SHARED_SPEC
using DatadogGen.FullSpec.Tests.V2;
using Microsoft.AspNetCore.Http;
#endif

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// Replays Datadog's recordings against the generated API classes: a loopback server answers each call with the
/// recorded response, and the request the generated method sends (method, path, query, JSON body) must be the
/// one Datadog's own client sent. Arguments come from the recording: path and query parameters from the URI, the
/// body read from the recorded request body with the generated model.
/// </summary>
public class CassetteReplayTests(ITestOutputHelper output)
{
    /// <summary>Every cassette, one test each; interactions whose operation this spec lacks are skipped, not failed.</summary>
    public static IEnumerable<object[]> Cassettes() => Cassette.TheoryData();

    [SharedDataTheory]
    [MemberData(nameof(Cassettes))]
    public async Task GeneratedClientSendsTheRecordedRequests(RecordingName cassette)
    {
#if DATADOG_SHARED_SPEC
        var result = await Replay.RunAsync(Cassette.Load(cassette.Name));
        foreach (var line in result.Lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"{cassette.Name}: {result.Replayed} replayed, {result.Skipped} skipped, {result.Failures.Count} failures");
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
#else
        await Task.CompletedTask;
        output.WriteLine(CassetteRoundTripTests.NotGenerated(cassette.Name));
        Assert.Fail(CassetteRoundTripTests.NotGenerated(cassette.Name));
#endif
    }

    [SharedDataFact]
    public async Task ReplayCoversTheIncidentOperations()
    {
#if DATADOG_SHARED_SPEC
        var results = new List<Replay.Result>();
        foreach (var name in Cassette.Names())
        {
            results.Add(await Replay.RunAsync(Cassette.Load(name)));
        }

        var operations = results.SelectMany(r => r.ReplayedOperations).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{results.Sum(r => r.Replayed)} interactions replayed, {results.Sum(r => r.Skipped)} skipped, "
            + $"{results.Sum(r => r.Failures.Count)} failures, {operations.Count} distinct operations:");
        foreach (var operation in operations)
        {
            output.WriteLine("  " + operation);
        }

        foreach (var line in results.SelectMany(r => r.Lines.Where(l => l.StartsWith("  skipped", StringComparison.Ordinal)).Select(l => r.Name + ": " + l.Trim())))
        {
            output.WriteLine(line);
        }

        Assert.Superset(
            new HashSet<string>(
            [
                "CreateIncident", "GetIncident", "UpdateIncident", "DeleteIncident", "ListIncidents", "SearchIncidents",
                "CreateIncidentTodo", "GetIncidentTodo", "UpdateIncidentTodo", "DeleteIncidentTodo", "ListIncidentTodos",
                "CreateIncidentAttachment", "UpdateIncidentAttachment", "DeleteIncidentAttachment", "ListIncidentAttachments",
                "CreateIncidentIntegration", "GetIncidentIntegration", "UpdateIncidentIntegration", "DeleteIncidentIntegration",
                "ListIncidentIntegrations", "CreateIncidentImpact", "DeleteIncidentImpact", "ListIncidentImpacts",
                "CreateIncidentType", "UpdateIncidentType", "DeleteIncidentType",
            ]),
            operations.ToHashSet());
#else
        await Task.CompletedTask;
        output.WriteLine(CassetteRoundTripTests.NotGenerated("all cassettes"));
        Assert.Fail(CassetteRoundTripTests.NotGenerated("all cassettes"));
#endif
    }

    /// <summary>The typed way a user would write one recorded call, next to the reflective replay above.</summary>
    [SharedDataFact]
    public async Task CreateIncidentAttachmentAsARecordedCallWritesIt()
    {
#if DATADOG_SHARED_SPEC
        var interaction = Cassette.Load("test_create_incident_attachment_returns_created_response").Interactions[1];
        await using var server = await LoopbackServer.StartAsync(interaction.Status, interaction.ResponseBody, ("Content-Type", interaction.ContentType!));
        var configuration = new Configuration { BaseAddress = server.BaseAddress, ApiKey = "test-api-key", ApplicationKey = "test-app-key" };
        configuration.SetUnstableOperationEnabled("v2.CreateIncidentAttachment", true);
        using var client = new ApiClient(configuration);
        var body = new CreateAttachmentRequest
        {
            Data = new CreateAttachmentRequestData
            {
                Attributes = new CreateAttachmentRequestDataAttributes
                {
                    Attachment = new CreateAttachmentRequestDataAttributesAttachment
                    {
                        DocumentUrl = "https://app.datadoghq.com/notebook/TestCreateincidentattachmentreturnsCreatedresponse1771855593/Test-Create_incident_attachment_returns_Created_response-1771855593",
                        Title = "Test-Create_incident_attachment_returns_Created_response-1771855593",
                    },
                    AttachmentType = AttachmentDataAttributesAttachmentType.Postmortem,
                },
                Type = IncidentAttachmentType.IncidentAttachments,
            },
        };

        var attachment = await new IncidentsApi(client).CreateIncidentAttachmentAsync("c4e18909-57e4-5f57-8d64-74c2c1b13290", body);

        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal(interaction.Uri.AbsolutePath, request.RawTarget);
        JsonAssert.Equivalent(interaction.RequestBody!, Encoding.UTF8.GetString(request.Body));
        Assert.Equal("77ff4d10-fba3-4a1a-83b1-7296249a5572", attachment.Data!.Id);
        Assert.Equal(new DateTimeOffset(2026, 2, 23, 14, 6, 33, 732, TimeSpan.Zero).AddTicks(9940), attachment.Data.Attributes.Modified);
        Assert.Equal("frog@datadoghq.com", Assert.Single(attachment.Included!).IncidentUserData!.Attributes!.Email);
#else
        await Task.CompletedTask;
        output.WriteLine(CassetteRoundTripTests.NotGenerated("IncidentsApi"));
        Assert.Fail(CassetteRoundTripTests.NotGenerated("IncidentsApi"));
#endif
    }
}

#if DATADOG_SHARED_SPEC
/// <summary>Drives the generated API method of each recorded interaction against a loopback server.</summary>
internal static class Replay
{
    public static async Task<Result> RunAsync(Cassette cassette)
    {
        var result = new Result(cassette.Name);
        Interaction? current = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var recorded = current!;
            context.Response.StatusCode = recorded.Status;
            if (!string.IsNullOrEmpty(recorded.ResponseBody) && recorded.Status != StatusCodes.Status204NoContent)
            {
                context.Response.ContentType = recorded.ContentType ?? "application/json";
                await context.Response.WriteAsync(recorded.ResponseBody);
            }
        });

        var configuration = new Configuration { BaseAddress = server.BaseAddress, ApiKey = "test-api-key", ApplicationKey = "test-app-key" };
        using var client = new ApiClient(configuration);
        foreach (var interaction in cassette.Interactions)
        {
            var preparation = GeneratedCall.Prepare(interaction, configuration);
            if (preparation.SpecDrift is { } drift)
            {
                result.Skip(interaction, drift);
                continue;
            }

            if (preparation.Call is not { } call)
            {
                result.Fail($"{interaction}: {preparation.Failure}");
                continue;
            }

            current = interaction;
            var before = server.Requests.Count;
            var outcome = await GeneratedCall.CallAsync(call, client);
            var requests = server.Requests;
            var operationId = call.Operation.OperationId;
            if (requests.Count != before + 1)
            {
                result.Fail($"{interaction} {operationId}: expected one request, the server got {requests.Count - before}"
                    + (outcome.Exception is { } e ? $" ({e.GetType().Name}: {e.Message})" : ""));
                continue;
            }

            var failures = CompareRequest(interaction, requests[^1]).Concat(GeneratedCall.CompareResponse(interaction, call.Operation, outcome)).ToList();
            foreach (var failure in failures)
            {
                result.Fail($"{interaction} {operationId}: {failure}");
            }

            if (failures.Count == 0)
            {
                result.Replayed++;
                result.ReplayedOperations.Add(operationId);
                result.Lines.Add($"  ok {interaction} via {call}: sent {requests[^1].Method} {requests[^1].RawTarget}"
                    + (requests[^1].Body.Length > 0 ? $" with a {requests[^1].Body.Length}-byte JSON body equal to the recorded one" : "")
                    + (outcome.Exception is ApiException { Error: { } error } ? $"; ApiException.Error is a {error.GetType().Name}" : ""));
            }
        }

        return result;
    }

    private static IEnumerable<string> CompareRequest(Interaction interaction, ReceivedRequest request)
    {
        if (request.Method != interaction.Method)
        {
            yield return $"sent {request.Method}, recorded {interaction.Method}";
        }

        var sent = RecordedUri.Normalize(request.RawTarget);
        var recorded = RecordedUri.Normalize(interaction.Uri.PathAndQuery);
        if (sent != recorded)
        {
            yield return $"sent {request.RawTarget}, recorded {interaction.Uri.PathAndQuery} (decoded: {sent} vs {recorded})";
        }

        var body = Encoding.UTF8.GetString(request.Body);
        if (interaction.HasRequestBody != (body.Length > 0))
        {
            yield return $"sent body \"{body}\", recorded \"{interaction.RequestBody}\"";
        }
        else if (interaction.HasRequestBody && JsonAssert.Difference(interaction.RequestBody!, body) is { } difference)
        {
            yield return $"sent body differs from the recorded one at {difference}\n    recorded: {interaction.RequestBody}\n    sent:     {body}";
        }
    }

    internal sealed class Result(string name)
    {
        public string Name { get; } = name;
        public int Replayed { get; set; }
        public int Skipped { get; set; }
        public HashSet<string> ReplayedOperations { get; } = new(StringComparer.Ordinal);
        public List<string> Lines { get; } = [];
        public List<string> Failures { get; } = [];

        public void Skip(Interaction interaction, string reason)
        {
            Skipped++;
            Lines.Add($"  skipped {interaction}: {reason}");
        }

        public void Fail(string message)
        {
            Failures.Add(message);
            Lines.Add("  FAIL " + message);
        }
    }
}
#endif
