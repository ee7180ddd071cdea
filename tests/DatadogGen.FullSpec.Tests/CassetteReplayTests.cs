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
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Threading;
using DatadogGen.FullSpec.Tests.V2;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi.Models;
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
    public async Task GeneratedClientSendsTheRecordedRequests(CassetteName cassette)
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
            var operation = DatadogSpec.Instance.Find(interaction.Method, interaction.Path);
            if (operation is null)
            {
                result.Skip(interaction, "no such operation in this spec version");
                continue;
            }

            var method = FindMethod(operation.OperationId);
            if (method is null)
            {
                result.Fail($"{interaction}: no generated {operation.OperationId}WithHttpInfoAsync in any API class");
                continue;
            }

            if (operation.IsUnstable)
            {
                configuration.SetUnstableOperationEnabled("v2." + operation.OperationId, true);
            }

            object?[] arguments;
            try
            {
                arguments = Arguments(method, operation, interaction);
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                result.Fail($"{interaction} {operation.OperationId}: cannot build the arguments: {exception.Message}");
                continue;
            }

            current = interaction;
            var before = server.Requests.Count;
            var api = Activator.CreateInstance(method.DeclaringType!, client)!;
            var outcome = await CallAsync(method, api, arguments);
            var requests = server.Requests;
            if (requests.Count != before + 1)
            {
                result.Fail($"{interaction} {operation.OperationId}: expected one request, the server got {requests.Count - before}"
                    + (outcome.Exception is { } e ? $" ({e.GetType().Name}: {e.Message})" : ""));
                continue;
            }

            var failures = CompareRequest(interaction, requests[^1]).Concat(CompareResponse(interaction, operation, outcome)).ToList();
            foreach (var failure in failures)
            {
                result.Fail($"{interaction} {operation.OperationId}: {failure}");
            }

            if (failures.Count == 0)
            {
                result.Replayed++;
                result.ReplayedOperations.Add(operation.OperationId);
                result.Lines.Add($"  ok {interaction} via {method.DeclaringType!.Name}.{method.Name}: sent {requests[^1].Method} {requests[^1].RawTarget}"
                    + (requests[^1].Body.Length > 0 ? $" with a {requests[^1].Body.Length}-byte JSON body equal to the recorded one" : "")
                    + (outcome.Exception is ApiException { Error: { } error } ? $"; ApiException.Error is a {error.GetType().Name}" : ""));
            }
        }

        return result;
    }

    /// <summary>The method of any generated API class for an operation id.</summary>
    private static MethodInfo? FindMethod(string operationId)
    {
        var name = char.ToUpperInvariant(operationId[0]) + operationId[1..] + "WithHttpInfoAsync";
        return ApiClasses.Value.Select(t => t.GetMethod(name, BindingFlags.Public | BindingFlags.Instance)).FirstOrDefault(m => m is not null);
    }

    private static readonly Lazy<List<Type>> ApiClasses = new(() =>
        [.. GeneratedModels.Assembly.GetTypes().Where(t => t.Namespace == GeneratedModels.Namespace && t.GetConstructor([typeof(ApiClient)]) is not null)]);

    /// <summary>Each C# parameter from the spec parameter of the same name (camelCase of page[size] is pageSize).</summary>
    private static object?[] Arguments(MethodInfo method, SpecOperation operation, Interaction interaction)
    {
        var query = interaction.Query;
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments.Add(CancellationToken.None);
                continue;
            }

            if (parameter.Name == "body" && operation.RequestBodySchema is not null)
            {
                arguments.Add(interaction.HasRequestBody
                    ? GeneratedModels.Deserialize(interaction.RequestBody!, parameter.ParameterType)
                    : throw new InvalidOperationException("the operation takes a body, the recording has none"));
                continue;
            }

            var spec = operation.Parameters.FirstOrDefault(p => Normalize(p.Name) == Normalize(parameter.Name!))
                ?? throw new InvalidOperationException($"no spec parameter for C# parameter {parameter.Name}");
            IReadOnlyList<string> values = spec.In switch
            {
                ParameterLocation.Path => [operation.PathValues[spec.Name]],
                ParameterLocation.Query => [.. query.Where(q => q.Name == spec.Name).Select(q => q.Value)],
                _ => [],
            };
            if (values.Count == 0)
            {
                arguments.Add(parameter.HasDefaultValue ? parameter.DefaultValue : throw new InvalidOperationException($"the recording has no {spec.Name}"));
                continue;
            }

            // A non-exploded array is one comma-separated value; an exploded one repeats the name.
            if (spec.Schema?.Type == "array" && spec.Explode == false)
            {
                values = [.. values.SelectMany(v => v.Split(','))];
            }

            arguments.Add(Convert(values, parameter.ParameterType));
        }

        return [.. arguments];
    }

    private static string Normalize(string name) => new string([.. name.Where(char.IsLetterOrDigit)]).ToLowerInvariant();

    private static object Convert(IReadOnlyList<string> values, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            foreach (var value in values)
            {
                list.Add(Convert([value], type.GetGenericArguments()[0]));
            }

            return list;
        }

        var text = Assert.Single(values);
        if (type == typeof(string)) return text;
        if (type == typeof(Guid)) return Guid.Parse(text);
        if (type == typeof(long)) return long.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(int)) return int.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(double)) return double.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(bool)) return bool.Parse(text);
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(DateOnly)) return DateOnly.Parse(text, CultureInfo.InvariantCulture);
        if (type.GetConstructor([typeof(string)]) is { } fromString) return fromString.Invoke([text]);
        if (type.GetConstructor([typeof(long)]) is { } fromLong) return fromLong.Invoke([long.Parse(text, CultureInfo.InvariantCulture)]);
        throw new NotSupportedException($"no conversion from a recorded string to {type}");
    }

    private sealed record Outcome(ApiResponse? Response, Exception? Exception);

    private static async Task<Outcome> CallAsync(MethodInfo method, object api, object?[] arguments)
    {
        try
        {
            var task = (Task)method.Invoke(api, arguments)!;
            await task;
            return new Outcome((ApiResponse)task.GetType().GetProperty("Result")!.GetValue(task)!, null);
        }
        catch (TargetInvocationException exception)
        {
            return new Outcome(null, exception.InnerException);
        }
        catch (Exception exception)
        {
            return new Outcome(null, exception);
        }
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

    private static IEnumerable<string> CompareResponse(Interaction interaction, SpecOperation operation, Outcome outcome)
    {
        if (interaction.Status is >= 200 and < 300)
        {
            if (outcome.Exception is { } exception)
            {
                yield return $"recorded {interaction.Status}, the call threw {exception.GetType().Name}: {exception.Message}";
                yield break;
            }

            if (outcome.Response!.StatusCode != interaction.Status)
            {
                yield return $"status {outcome.Response.StatusCode}, recorded {interaction.Status}";
            }

            var data = outcome.Response.GetType().GetProperty("Data")?.GetValue(outcome.Response);
            if (interaction.HasJsonResponseBody && operation.ResponseSchema(interaction.Status) is not null)
            {
                if (data is null)
                {
                    yield return "the recorded response body was not returned as Data";
                }
                else if (JsonAssert.Difference(interaction.ResponseBody, GeneratedModels.Serialize(data)) is { } difference)
                {
                    yield return $"Data written back differs from the recorded response at {difference}";
                }
            }

            yield break;
        }

        if (outcome.Exception is not ApiException apiException)
        {
            yield return $"recorded {interaction.Status}, expected ApiException, got "
                + (outcome.Exception is { } other ? $"{other.GetType().Name}: {other.Message}" : "a response");
            yield break;
        }

        if (apiException.StatusCode != interaction.Status)
        {
            yield return $"ApiException.StatusCode {apiException.StatusCode}, recorded {interaction.Status}";
        }

        if (apiException.ResponseBody is null || (interaction.ResponseBody.Length > 0 && JsonAssert.Difference(interaction.ResponseBody, apiException.ResponseBody) is not null))
        {
            yield return $"ApiException.ResponseBody is \"{apiException.ResponseBody}\", recorded \"{interaction.ResponseBody}\"";
        }

        // The typed error is a bonus: the model declared for the status if the body fits it, else the first of
        // Datadog's error shapes that does (JSON:API, then APIErrorResponse); none when nothing fits.
        var candidates = new[] { GeneratedModels.ComponentName(operation.ResponseSchema(interaction.Status)), "JSONAPIErrorResponse", "APIErrorResponse" }
            .OfType<string>().Distinct();
        // One that reads the body as the spec describes it wins; else the first that reads it at all (IsUnparsed).
        var expected = interaction.HasJsonResponseBody
            ? candidates.FirstOrDefault(name => Reads(name, interaction.ResponseBody, cleanly: true)) ?? candidates.FirstOrDefault(name => Reads(name, interaction.ResponseBody, cleanly: false))
            : null;
        if (apiException.Error?.GetType().Name != expected)
        {
            yield return $"ApiException.Error is {apiException.Error?.GetType().Name ?? "null"}, expected {expected ?? "null"}";
        }
        else if (apiException.Error is { } error && JsonAssert.Difference(interaction.ResponseBody, GeneratedModels.Serialize(error)) is { } difference)
        {
            yield return $"ApiException.Error written back differs from the recorded body at {difference}";
        }
    }

    private static bool Reads(string component, string json, bool cleanly)
    {
        try
        {
            return GeneratedModels.Find(component) is { } type
                && GeneratedModels.Deserialize(json, type) is { } model
                && !(cleanly && model is IJsonModel { IsUnparsed: true });
        }
        catch (Exception)
        {
            return false;
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
