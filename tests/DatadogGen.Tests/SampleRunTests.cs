using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DatadogGen.Sample;
using SampleClient = DatadogGen.Sample.Datadog;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>The sample's tests change DD_* variables, which the other tests' Configuration reads: run them alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SampleRunCollection
{
    public const string Name = "Sample runs (process environment)";
}

/// <summary>
/// The sample's default job, run in-process exactly as `dotnet run --project sample` runs it, and its local
/// stand-in for Datadog driven directly with bodies the sample itself would never send.
/// </summary>
[Collection(SampleRunCollection.Name)]
public sealed class SampleRunTests : IDisposable
{
    // Unset keys are what send the sample to its local stand-in; an odd DD_SITE would fail it before that.
    private static readonly string[] Variables = ["DD_API_KEY", "DD_APP_KEY", "DD_SITE"];

    private readonly Dictionary<string, string?> _saved = [];

    public SampleRunTests()
    {
        foreach (string name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public async Task DefaultJobAttachesTheBundledExampleThroughTheLocalStandIn()
    {
        var (exitCode, output, error) = await RunSampleAsync();

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Using a LOCAL STAND-IN for Datadog at http://127.0.0.1:", lines[0]);
        Assert.Equal("Sending postmortem to incident 00000000-0000-0000-0000-000000000000", lines[1]);
        var sent = Fields(lines.Skip(2).TakeWhile(line => line.StartsWith(' ')));
        Assert.Equal("examples/postmortem.md (bundled example)", sent["File"]);
        Assert.Equal("Postmortem: Checkout API outage on 2025-03-14", sent["Title"]);
        // The line under the title, then Summary, Impact, Timeline, Root cause, Remediation, Lessons learned.
        Assert.Equal("7", sent["Cells"]);

        Assert.Contains("Created postmortem attachment", lines);
        var created = Fields(lines.SkipWhile(line => line != "Created postmortem attachment").Skip(1));
        Assert.True(Guid.TryParse(created["Id"], out _), $"Id is not a GUID: {created["Id"]}");
        Assert.Equal("Postmortem: Checkout API outage on 2025-03-14", created["Title"]);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/notebook/\d+/Postmortem-Checkout-API-outage-on-2025-03-14$", created["Document"]);
        Assert.Equal("postmortem", created["Type"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", created["Modified"]);
    }

    [Fact]
    public async Task MissingFileExitsWith2AndNamesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-postmortem-{Guid.NewGuid():N}.md");

        var (exitCode, output, error) = await RunSampleAsync(path);

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: cannot read '{path}': no such file.{Environment.NewLine}", error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("--incident")]
    [InlineData("--frobnicate")]
    [InlineData("a.md", "b.md")]
    public async Task UsageErrorsExitWith2AndShowTheUsageLine(params string[] args)
    {
        var (exitCode, output, error) = await RunSampleAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error);
        Assert.Contains("Usage: dotnet run --project sample --", error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task StandInRejectsACellThatIsNotMarkdownWithAJsonApi400()
    {
        await using var standIn = await LocalDatadog.StartAsync();
        using var http = new HttpClient { BaseAddress = standIn.BaseAddress };
        using var request = PostmortemRequest("""
            {"data":{"type":"incident_attachments","attributes":{"title":"T","cells":[
              {"id":"cell-1","type":"markdown","attributes":{"definition":{"content":"## A"}}},
              {"id":"cell-2","type":"chart"}]}}}
            """);
        request.Headers.Add("DD-API-KEY", "k");
        request.Headers.Add("DD-APPLICATION-KEY", "a");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement error = await SingleErrorAsync(response);
        Assert.Equal("400", error.GetProperty("status").GetString());
        Assert.Equal("Bad Request", error.GetProperty("title").GetString());
        Assert.Equal("/data/attributes/cells/1/type", error.GetProperty("source").GetProperty("pointer").GetString());
        Assert.Contains("'chart'", error.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StandInRejectsARequestWithoutTheApplicationKeyWithA403()
    {
        await using var standIn = await LocalDatadog.StartAsync();
        using var http = new HttpClient { BaseAddress = standIn.BaseAddress };
        using var request = PostmortemRequest("""{"data":{"type":"incident_attachments","attributes":{}}}""");
        request.Headers.Add("DD-API-KEY", "k");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        JsonElement error = await SingleErrorAsync(response);
        Assert.Equal("403", error.GetProperty("status").GetString());
        Assert.Equal("DD-APPLICATION-KEY", error.GetProperty("source").GetProperty("header").GetString());
    }

    [Fact]
    public void MarkdownBecomesOneCellPerSectionIgnoringHeadingsInCodeBlocks()
    {
        const string markdown = """
            Intro before any heading.

            ## Summary
            It broke.

            ```sh
            # not the title
            ## not a section
            ```

            ## Impact
            Everyone.
            """;

        SampleClient.PostmortemAttachmentRequest request = PostmortemMarkdown.CreateRequest(markdown, "ir-7.md", templateId: null);

        var attributes = request.Data.Attributes;
        Assert.Equal(SampleClient.IncidentAttachmentType.IncidentAttachments, request.Data.Type);
        Assert.Equal("ir-7", attributes.Title);
        Assert.Equal(markdown, attributes.Content);
        Assert.Equal(["cell-1", "cell-2", "cell-3"], attributes.Cells!.Select(cell => cell.Id));
        Assert.All(attributes.Cells!, cell => Assert.Equal(SampleClient.PostmortemCellType.Markdown, cell.Type));
        Assert.Equal(
            ["Intro before any heading.", "## Summary\nIt broke.\n\n```sh\n# not the title\n## not a section\n```", "## Impact\nEveryone."],
            attributes.Cells!.Select(cell => cell.Attributes!.Definition!.Content!.ReplaceLineEndings("\n")));
        // Unset, so not sent at all: Datadog then picks its default template.
        string json = JsonSerializer.Serialize(request, SampleClient.DatadogJson.Options.GetTypeInfo(typeof(SampleClient.PostmortemAttachmentRequest)));
        Assert.DoesNotContain("postmortem_template_id", json);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunSampleAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await Program.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    // "  Name:   value" lines, as the sample prints them.
    private static Dictionary<string, string> Fields(IEnumerable<string> lines) =>
        lines.Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

    private static HttpRequestMessage PostmortemRequest(string json) =>
        new(HttpMethod.Post, $"/api/v2/incidents/{Program.DefaultIncidentId}/attachments/postmortems")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };

    private static async Task<JsonElement> SingleErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray().ToArray()).Clone();
    }
}
