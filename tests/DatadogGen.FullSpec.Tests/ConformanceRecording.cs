using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DatadogGen.Testing;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// Datadog's conformance recordings in ../shared/datadog/conformance/ (format in shared/datadog/README.md): per
/// scenario, every request Datadog's own client sent (setup, the request under test, cleanup) and the answer,
/// plus the test-runner-data file saying which operation the scenario tests.
/// </summary>
internal sealed record ConformanceScenario(string Name, IReadOnlyList<ConformanceInteraction> Interactions, RequestUnderTest? UnderTest)
{
    public const string Version = "v2";

    public const string Feature = "Incidents";

    public static string Folder => SharedData.PathOf("conformance");

    public static string ServerScript => Path.Combine(Folder, "test-server");

    public static string ServerDatabase => Path.Combine(Folder, "test-server-data");

    private static string RecordingsFile => Path.Combine(ServerDatabase, Version, "incidents.json");

    // The JSON is 900 kB; every scenario's test reads the same file.
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Recordings = new(ReadRecordings);

    private static readonly Lazy<IReadOnlyDictionary<string, RequestUnderTest>> RunnerData = new(ReadRunnerData);

    /// <summary>The scenario names in the recording's order.</summary>
    public static IReadOnlyList<string> Names() => File.Exists(RecordingsFile) ? [.. Recordings.Value.Keys] : [];

    /// <summary>One theory row per scenario, named in full in test results.</summary>
    public static IEnumerable<object[]> TheoryData()
    {
        if (!File.Exists(RecordingsFile))
        {
            // Only reached when the tests must run (DATADOGGEN_REQUIRE_SHARED) although the data is missing:
            // one row that fails naming the file, rather than xunit's opaque "no data found".
            return [[new RecordingName("(missing " + RecordingsFile + ")")]];
        }

        return Names().Select(name => new object[] { new RecordingName(name) });
    }

    public static ConformanceScenario Load(string name)
    {
        if (!Recordings.Value.TryGetValue(name, out var recording))
        {
            throw new FileNotFoundException($"No scenario \"{name}\" in {RecordingsFile}", RecordingsFile);
        }

        var interactions = recording.GetProperty("interactions").EnumerateArray()
            .Select((interaction, index) => ConformanceInteraction.Read(index, interaction))
            .ToList();
        return new ConformanceScenario(name, interactions, RunnerData.Value.GetValueOrDefault(name));
    }

    private static IReadOnlyDictionary<string, JsonElement> ReadRecordings()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(RecordingsFile));
        var recordings = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var recording in document.RootElement.GetProperty("recordings").EnumerateArray())
        {
            recordings.Add(recording.GetProperty("scenario").GetString()!, recording.Clone());
        }

        return recordings;
    }

    private static IReadOnlyDictionary<string, RequestUnderTest> ReadRunnerData()
    {
        var folder = Path.Combine(Folder, "test-runner-data");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        var scenarios = new Dictionary<string, RequestUnderTest>(StringComparer.Ordinal);
        foreach (var entry in manifest.RootElement.GetProperty("scenarios").EnumerateArray())
        {
            using var runner = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, entry.GetProperty("file").GetString()!)));
            var root = runner.RootElement;
            var request = root.GetProperty("request");
            scenarios.Add(root.GetProperty("scenario").GetString()!, new RequestUnderTest(
                root.GetProperty("operation_id").GetString()!,
                request.GetProperty("method").GetString()!,
                request.GetProperty("path").GetString()!,
                root.GetProperty("expected_status").GetInt32()));
        }

        return scenarios;
    }
}

/// <summary>What a scenario's test-runner-data file says it tests: one operation, expected to answer one status.</summary>
internal sealed record RequestUnderTest(string OperationId, string Method, string PathTemplate, int ExpectedStatus)
{
    /// <summary>Whether an interaction is a call of this operation with the expected answer (pagination makes several).</summary>
    public bool Matches(ConformanceInteraction interaction) =>
        interaction.Method == Method
        && interaction.Status == ExpectedStatus
        && Regex.IsMatch(interaction.Path, "^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^/]*?}", "[^/]+") + "$");

    public override string ToString() => $"{OperationId} ({Method} {PathTemplate}) -> {ExpectedStatus}";
}

/// <summary>One recorded request (as the replay server normalised it) and the response it got.</summary>
internal sealed record ConformanceInteraction(
    int Index,
    string Method,
    string Path,
    IReadOnlyList<(string Name, string Value)> Query,
    string RequestContentType,
    string RequestBodyType,
    string? RequestBody,
    int Status,
    string? ResponseContentType,
    string ResponseBody) : IRecordedExchange
{
    public bool HasRequestBody => RequestBody is not null;

    public bool HasJsonResponseBody =>
        !string.IsNullOrWhiteSpace(ResponseBody) && ResponseContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Path and query as the recording has them, query pairs percent-encoded, e.g. to send it as recorded.</summary>
    public string PathAndQuery =>
        Path + (Query.Count == 0 ? "" : "?" + string.Join("&", Query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value))));

    public static ConformanceInteraction Read(int index, JsonElement interaction)
    {
        var request = interaction.GetProperty("request");
        var response = interaction.GetProperty("response");
        var body = request.GetProperty("body");
        var bodyType = body.GetProperty("type").GetString()!;
        var responseBody = response.GetProperty("body");
        var responseText = responseBody.GetProperty("value").GetString() ?? "";
        if (responseBody.GetProperty("encoding").GetString() == "base64")
        {
            responseText = Encoding.UTF8.GetString(Convert.FromBase64String(responseText));
        }

        return new ConformanceInteraction(
            index,
            request.GetProperty("method").GetString()!,
            request.GetProperty("path").GetString()!,
            [.. request.GetProperty("query").EnumerateArray().Select(pair => (pair[0].GetString()!, pair[1].GetString()!))],
            request.GetProperty("content_type").GetString()!,
            bodyType,
            bodyType switch
            {
                "empty" => null,
                "json" => body.GetProperty("value").GetRawText(),
                _ => body.GetProperty("value").GetString(),
            },
            response.GetProperty("status").GetInt32(),
            response.GetProperty("headers").TryGetProperty("content-type", out var contentType) ? contentType.GetString() : null,
            responseText);
    }

    /// <summary>The interaction as the server numbers it (from 1), its query decoded so it reads as recorded.</summary>
    public override string ToString() =>
        $"#{Index + 1} {Method} {Path}{(Query.Count == 0 ? "" : "?" + string.Join("&", Query.Select(q => q.Name + "=" + q.Value)))} -> {Status}";
}
