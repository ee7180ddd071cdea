using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DatadogGen.Testing;
using DatadogGen.Tests;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// Fidelity to real traffic: every JSON body in Datadog's recordings (request and response) is read with the
/// generated model the spec names for it and written back. Nothing may be lost or changed, and no oneOf may come
/// back unparsed unless the spec really does not describe the value; those few cases are listed below by name,
/// each with its reason, and printed to the test output when met. Bodies that bend the spec (a required property
/// missing, a value of another JSON type) must read too, say so through IsUnparsed, and are printed.
/// </summary>
public class CassetteRoundTripTests(ITestOutputHelper output)
{
    /// <summary>Unions that may come back unparsed (IsUnparsed), by generated union type and the JSON met.</summary>
    internal static readonly IReadOnlyList<Allowance> AllowedUnparsed =
    [
        new("IncidentResponseIncludedItem",
            "SearchIncidents puts the matching incidents (type \"incidents\") in `included`, but the spec's "
            + "IncidentResponseIncludedItem is oneOf IncidentUserData | AttachmentData only",
            json => TypeOf(json) == "incidents"),
    ];

    public static IEnumerable<object[]> Cassettes() => Cassette.TheoryData();

    [SharedDataTheory]
    [MemberData(nameof(Cassettes))]
    public void BodiesRoundTripThroughTheGeneratedModels(RecordingName cassette)
    {
#if DATADOG_SHARED_SPEC
        var result = RoundTrip.Run(Cassette.Load(cassette.Name));
        foreach (var line in result.Lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine(result.Summary);
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
#else
        output.WriteLine(NotGenerated(cassette.Name));
        Assert.Fail(NotGenerated(cassette.Name));
#endif
    }

    [SharedDataFact]
    public void TotalsOverAllCassettes()
    {
#if DATADOG_SHARED_SPEC
        var results = Cassette.Names().Select(name => RoundTrip.Run(Cassette.Load(name))).ToList();
        var total = RoundTrip.Result.Sum(results);
        output.WriteLine($"cassettes: {results.Count}");
        output.WriteLine(total.Summary);
        output.WriteLine("");
        output.WriteLine("Skipped, allowed, not described or failed, by cassette:");
        foreach (var line in results.SelectMany(r => r.Lines.Where(IsNotable).Select(l => r.Name + ": " + l.Trim())))
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine("");
        output.WriteLine("Properties Datadog sent that the spec does not describe (kept in AdditionalProperties, written back):");
        foreach (var (name, count) in total.Undescribed.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (u.Key, u.Value)))
        {
            output.WriteLine($"  {name} x{count}");
        }

        Assert.Equal(61, results.Count);
        Assert.True(total.Interactions == total.Checked + total.Skipped, total.Summary);
        Assert.True(total.BodiesRoundTripped > 0, total.Summary);
        // Every request body in the recordings is one the spec describes: all of them must round-trip.
        Assert.True(total.RequestBodies == total.RequestBodiesRoundTripped, total.Summary);
#else
        output.WriteLine(NotGenerated("all cassettes"));
        Assert.Fail(NotGenerated("all cassettes"));
#endif
    }

    private static bool IsNotable(string line) =>
        line.StartsWith("  skipped", StringComparison.Ordinal) || line.StartsWith("  allowed", StringComparison.Ordinal)
        || line.StartsWith("  bends the spec", StringComparison.Ordinal)
        || line.StartsWith("  not described", StringComparison.Ordinal) || line.StartsWith("  FAIL", StringComparison.Ordinal);

    internal static string NotGenerated(string what) =>
        $"{what}: this assembly was built without {SharedData.PathOf("openapi-v2.yaml")} (DATADOG_SHARED_SPEC undefined), "
        + "so nothing was generated from the real spec; rebuild with ../shared/datadog present.";

    internal static string? TypeOf(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}

/// <summary>
/// An exception to the round-trip rule: which generated type, why, and which JSON it covers.
/// </summary>
internal sealed record Allowance(string TypeName, string Reason, Func<JsonElement, bool> Matches)
{
    public static Allowance? Find(IEnumerable<Allowance> allowances, string typeName, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return allowances.FirstOrDefault(a => a.TypeName == typeName && a.Matches(root));
    }
}

#if DATADOG_SHARED_SPEC
/// <summary>The round trip of one cassette, shared by the per-cassette theory and the totals.</summary>
internal static class RoundTrip
{
    public static Result Run(Cassette cassette)
    {
        var result = new Result(cassette.Name);
        foreach (var interaction in cassette.Interactions)
        {
            result.Interactions++;
            var operation = DatadogSpec.Instance.Find(interaction.Method, interaction.Path);
            if (operation is null)
            {
                result.Skipped++;
                result.Lines.Add($"  skipped {interaction}: no such operation in this spec version");
                continue;
            }

            result.Checked++;
            if (interaction.HasRequestBody)
            {
                result.RequestBodies++;
                if (Check(result, interaction, operation, "request", interaction.RequestBody!, operation.RequestBodySchema))
                {
                    result.RequestBodiesRoundTripped++;
                }
            }

            if (interaction.HasJsonResponseBody)
            {
                Check(result, interaction, operation, $"response {interaction.Status}", interaction.ResponseBody, operation.ResponseSchema(interaction.Status));
            }
            else if (!string.IsNullOrWhiteSpace(interaction.ResponseBody))
            {
                result.Lines.Add($"  not described {interaction}: response body is {interaction.ContentType ?? "untyped"}, not JSON");
            }
        }

        return result;
    }

    // True when the body round-tripped.
    private static bool Check(Result result, Interaction interaction, SpecOperation operation, string side, string json, Microsoft.OpenApi.Models.OpenApiSchema? schema)
    {
        var where = $"{interaction} {side} of {operation.OperationId}";
        result.Bodies++;
        if (schema is null)
        {
            result.NotDescribed++;
            result.Lines.Add($"  not described {where}: the spec declares no JSON body for this status");
            return false;
        }

        var component = GeneratedModels.ComponentName(schema);
        if (component is null)
        {
            result.Fail($"{where}: the body schema is inline (no component name), so this test cannot name its generated type");
            return false;
        }

        return Check(result, where, component, json);
    }

    private static bool Check(Result result, string where, string component, string json)
    {
        var type = GeneratedModels.Find(component);
        if (type is null)
        {
            result.Fail($"{where}: no generated type {GeneratedModels.Namespace}.{component}");
            return false;
        }

        object model;
        string written;
        try
        {
            model = GeneratedModels.Deserialize(json, type);
            written = GeneratedModels.Serialize(model);
        }
        catch (Exception exception)
        {
            result.Fail($"{where}: {component} threw {exception.GetType().Name}: {exception.Message}\n    body: {json.Trim()}");
            return false;
        }

        var difference = JsonAssert.Difference(json, written);
        if (difference is not null)
        {
            result.Fail($"{where}: {component} does not round-trip: differs at {difference}\n    read:    {json.Trim()}\n    written: {written}");
            return false;
        }

        result.BodiesRoundTripped++;
        var unknown = GeneratedModels.FindUnknownValues(model);
        var containsUnknown = GeneratedModels.ContainsUnknownValues(model);
        if (containsUnknown != (unknown.Explained > 0))
        {
            result.Fail($"{where}: {component}.ContainsUnknownValues() is {containsUnknown}, but the object graph holds "
                + $"{unknown.UnparsedUnions.Count} unparsed unions, {unknown.UnknownEnumValues.Count} unknown enum values "
                + $"and {unknown.BentModels.Count} objects that bend the spec");
        }

        foreach (var bent in unknown.BentModels)
        {
            result.BentModels++;
            result.Lines.Add($"  bends the spec {where}: {bent}");
        }

        foreach (var unparsed in unknown.UnparsedUnions)
        {
            if (Allowance.Find(CassetteRoundTripTests.AllowedUnparsed, unparsed.TypeName, unparsed.Json) is { } allowance)
            {
                result.UnparsedAllowed++;
                result.Lines.Add($"  allowed unparsed {where}: {unparsed} ({allowance.Reason})");
            }
            else
            {
                result.Fail($"{where}: {component} holds an unparsed union, not on AllowedUnparsed: {unparsed}");
            }
        }

        foreach (var value in unknown.UnknownEnumValues)
        {
            result.Lines.Add($"  unknown enum value {where}: {value}");
        }

        foreach (var value in unknown.AdditionalProperties)
        {
            var name = value.TypeName + "." + value.Path[(value.Path.LastIndexOf('.') + 1)..];
            result.Undescribed[name] = result.Undescribed.GetValueOrDefault(name) + 1;
        }

        var unparsedNote = unknown.UnparsedUnions.Count == 0 ? "no unparsed union" : $"{unknown.UnparsedUnions.Count} unparsed unions (allowed)";
        result.Lines.Add($"  ok {where}: {component} round-trips, {unparsedNote}, "
            + $"{unknown.UnknownEnumValues.Count} unknown enum values, {unknown.AdditionalProperties.Count} undescribed properties");
        return true;
    }

    private static string Shorten(string json)
    {
        json = json.Trim();
        return json.Length <= 200 ? json : json[..200] + "…";
    }

    internal sealed class Result(string name)
    {
        public string Name { get; } = name;
        public int Interactions { get; set; }
        public int Checked { get; set; }
        public int Skipped { get; set; }
        public int Bodies { get; set; }
        public int BodiesRoundTripped { get; set; }
        public int RequestBodies { get; set; }
        public int RequestBodiesRoundTripped { get; set; }
        public int NotDescribed { get; set; }
        public int BentModels { get; set; }
        public int UnparsedAllowed { get; set; }
        public List<string> Lines { get; } = [];
        public List<string> Failures { get; } = [];
        public Dictionary<string, int> Undescribed { get; } = new(StringComparer.Ordinal);

        public string Summary =>
            $"{Name}: {Interactions} interactions, {Skipped} skipped (operation not in this spec version), "
            + $"{Bodies} JSON bodies ({RequestBodies} requests), {BodiesRoundTripped} round-tripped "
            + $"({BentModels} objects in them bend the spec and say so), "
            + $"{NotDescribed} not described by the spec, {UnparsedAllowed} unparsed unions allowed, {Failures.Count} failures";

        public void Fail(string message)
        {
            Failures.Add(message);
            Lines.Add("  FAIL " + message);
        }

        public static Result Sum(IEnumerable<Result> results)
        {
            var total = new Result("total");
            foreach (var result in results)
            {
                total.Interactions += result.Interactions;
                total.Checked += result.Checked;
                total.Skipped += result.Skipped;
                total.Bodies += result.Bodies;
                total.BodiesRoundTripped += result.BodiesRoundTripped;
                total.RequestBodies += result.RequestBodies;
                total.RequestBodiesRoundTripped += result.RequestBodiesRoundTripped;
                total.NotDescribed += result.NotDescribed;
                total.BentModels += result.BentModels;
                total.UnparsedAllowed += result.UnparsedAllowed;
                total.Failures.AddRange(result.Failures);
                foreach (var (name, count) in result.Undescribed)
                {
                    total.Undescribed[name] = total.Undescribed.GetValueOrDefault(name) + count;
                }
            }

            return total;
        }
    }
}
#endif
