#if DATADOG_SHARED_SPEC
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.FullSpec.Tests.V2;
using DatadogGen.Tests;
using Microsoft.OpenApi.Models;
using Xunit;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// One recorded exchange as a call of the generated client, shared by the replays of every recording format: the
/// operation found in the spec by method and path, its generated <c>{Op}WithHttpInfoAsync</c> method, the C#
/// arguments built from the recorded request, the call itself, and the check of what it returned or threw.
/// </summary>
internal static class GeneratedCall
{
    /// <summary>
    /// Finds the operation and method and builds the arguments, enabling the operation if it is unstable. A
    /// recording the spec cannot express is spec drift (not the client's fault); anything else is a failure.
    /// </summary>
    public static Preparation Prepare(IRecordedExchange exchange, Configuration configuration)
    {
        var operation = DatadogSpec.Instance.Find(exchange.Method, exchange.Path);
        if (operation is null)
        {
            return Preparation.Drift($"no {exchange.Method} {exchange.Path} in this spec version");
        }

        var unknown = exchange.Query.Select(q => q.Name).Distinct()
            .Where(name => !operation.Parameters.Any(p => p.In == ParameterLocation.Query && Names(p, name)))
            .ToList();
        if (unknown.Count > 0)
        {
            return Preparation.Drift($"{operation.OperationId} has no query parameter {string.Join(", ", unknown)} in this spec version");
        }

        var method = FindMethod(operation.OperationId);
        if (method is null)
        {
            return Preparation.Fail($"no generated {operation.OperationId}WithHttpInfoAsync in any API class");
        }

        if (operation.IsUnstable)
        {
            configuration.SetUnstableOperationEnabled("v2." + operation.OperationId, true);
        }

        try
        {
            return Preparation.Ready(new PreparedCall(operation, method, Arguments(method, operation, exchange)));
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            return Preparation.Fail($"{operation.OperationId}: cannot build the arguments: {exception.Message}");
        }
    }

    /// <summary>Whether a recorded query name belongs to a spec parameter (a deepObject's are <c>name[key]</c>).</summary>
    private static bool Names(OpenApiParameter parameter, string queryName) =>
        queryName == parameter.Name
        || (parameter.Style == ParameterStyle.DeepObject && queryName.StartsWith(parameter.Name + "[", StringComparison.Ordinal));

    /// <summary>Invokes the generated method on a new instance of its API class over <paramref name="client"/>.</summary>
    public static async Task<Outcome> CallAsync(PreparedCall call, ApiClient client)
    {
        var api = Activator.CreateInstance(call.Method.DeclaringType!, client)!;
        try
        {
            var task = (Task)call.Method.Invoke(api, call.Arguments)!;
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

    /// <summary>
    /// What is wrong with the outcome: a 2xx must come back as a response whose Data writes back equal to the
    /// recorded body; an error status must be an ApiException with that status, the raw body and, where a model
    /// reads it, a typed Error.
    /// </summary>
    public static IEnumerable<string> CompareResponse(IRecordedExchange exchange, SpecOperation operation, Outcome outcome)
    {
        if (exchange.Status is >= 200 and < 300)
        {
            if (outcome.Exception is { } exception)
            {
                yield return $"recorded {exchange.Status}, the call threw {exception.GetType().Name}: {exception.Message}";
                yield break;
            }

            if (outcome.Response!.StatusCode != exchange.Status)
            {
                yield return $"status {outcome.Response.StatusCode}, recorded {exchange.Status}";
            }

            var data = outcome.Response.GetType().GetProperty("Data")?.GetValue(outcome.Response);
            if (exchange.HasJsonResponseBody && operation.ResponseSchema(exchange.Status) is not null)
            {
                if (data is null)
                {
                    yield return "the recorded response body was not returned as Data";
                }
                else if (JsonAssert.Difference(exchange.ResponseBody, GeneratedModels.Serialize(data)) is { } difference)
                {
                    yield return $"Data written back differs from the recorded response at {difference}";
                }
            }

            yield break;
        }

        if (outcome.Exception is not ApiException apiException)
        {
            yield return $"recorded {exchange.Status}, expected ApiException, got "
                + (outcome.Exception is { } other ? $"{other.GetType().Name}: {other.Message}" : "a response");
            yield break;
        }

        if (apiException.StatusCode != exchange.Status)
        {
            yield return $"ApiException.StatusCode {apiException.StatusCode}, recorded {exchange.Status}";
        }

        if (apiException.ResponseBody is null || (exchange.ResponseBody.Length > 0 && JsonAssert.Difference(exchange.ResponseBody, apiException.ResponseBody) is not null))
        {
            yield return $"ApiException.ResponseBody is \"{apiException.ResponseBody}\", recorded \"{exchange.ResponseBody}\"";
        }

        // The typed error is a bonus: the model declared for the status if the body fits it, else the first of
        // Datadog's error shapes that does (JSON:API, then APIErrorResponse); none when nothing fits.
        var candidates = new[] { GeneratedModels.ComponentName(operation.ResponseSchema(exchange.Status)), "JSONAPIErrorResponse", "APIErrorResponse" }
            .OfType<string>().Distinct();
        // One that reads the body as the spec describes it wins; else the first that reads it at all (IsUnparsed).
        var expected = exchange.HasJsonResponseBody
            ? candidates.FirstOrDefault(name => Reads(name, exchange.ResponseBody, cleanly: true)) ?? candidates.FirstOrDefault(name => Reads(name, exchange.ResponseBody, cleanly: false))
            : null;
        if (apiException.Error?.GetType().Name != expected)
        {
            yield return $"ApiException.Error is {apiException.Error?.GetType().Name ?? "null"}, expected {expected ?? "null"}";
        }
        else if (apiException.Error is { } error && JsonAssert.Difference(exchange.ResponseBody, GeneratedModels.Serialize(error)) is { } difference)
        {
            yield return $"ApiException.Error written back differs from the recorded body at {difference}";
        }
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
    private static object?[] Arguments(MethodInfo method, SpecOperation operation, IRecordedExchange exchange)
    {
        var query = exchange.Query;
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
                arguments.Add(exchange.HasRequestBody
                    ? GeneratedModels.Deserialize(exchange.RequestBody!, parameter.ParameterType)
                    : throw new InvalidOperationException("the operation takes a body, the recording has none"));
                continue;
            }

            var spec = operation.Parameters.FirstOrDefault(p => Normalize(p.Name) == Normalize(parameter.Name!))
                ?? throw new InvalidOperationException($"no spec parameter for C# parameter {parameter.Name}");
            if (spec.Style == ParameterStyle.DeepObject)
            {
                // Datadog's v2 spec has none; a recording of one would need name[key]=value pairs gathered here.
                throw new NotSupportedException($"{spec.Name} is a deepObject parameter, which this replay does not build");
            }

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
}

/// <summary>A generated method ready to call: its operation, the method and the arguments from the recording.</summary>
internal sealed record PreparedCall(SpecOperation Operation, MethodInfo Method, object?[] Arguments)
{
    public override string ToString() => $"{Method.DeclaringType!.Name}.{Method.Name}";
}

/// <summary>Either a call ready to make, or why there is none: spec drift (skipped) or a failure.</summary>
internal sealed record Preparation(PreparedCall? Call, string? SpecDrift, string? Failure)
{
    public static Preparation Ready(PreparedCall call) => new(call, null, null);

    public static Preparation Drift(string reason) => new(null, reason, null);

    public static Preparation Fail(string reason) => new(null, null, reason);
}

/// <summary>What a generated method returned, or what it threw.</summary>
internal sealed record Outcome(ApiResponse? Response, Exception? Exception);
#endif
