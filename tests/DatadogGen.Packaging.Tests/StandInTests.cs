using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DatadogGen.StandIn;
using Xunit;

namespace DatadogGen.Packaging.Tests;

/// <summary>
/// The stand-in that getting-started's tool and the template's app run against without keys: pages, reads,
/// updates, attachments and Datadog's errors, over HTTP on 127.0.0.1. (The generated client's side of the same
/// calls is in <see cref="GettingStartedTests"/>, which needs Datadog's real spec.)
/// </summary>
public sealed class StandInTests
{
    [Fact]
    public async Task ListsIncidentsAPageAtATime()
    {
        await using var standIn = await IncidentStandIn.StartAsync();
        using var http = Client(standIn);

        JsonNode first = await GetAsync(http, "api/v2/incidents");
        JsonNode last = await GetAsync(http, "api/v2/incidents?page[size]=10&page[offset]=20");

        Assert.Equal(10, first["data"]!.AsArray().Count);
        Assert.Equal(10, (int)first["meta"]!["pagination"]!["next_offset"]!);
        Assert.Equal(IncidentStandIn.SeededIncidents - 20, last["data"]!.AsArray().Count);
        Assert.Equal(IncidentStandIn.FirstIncidentId, (string?)first["data"]![0]!["id"]);
        Assert.Equal("incidents", (string?)first["data"]![0]!["type"]);
    }

    [Fact]
    public async Task UpdatesATitleAndAttachesAPostmortem()
    {
        await using var standIn = await IncidentStandIn.StartAsync();
        using var http = Client(standIn);
        string id = IncidentStandIn.FirstIncidentId;

        using var renamed = await http.PatchAsync($"api/v2/incidents/{id}", Json("""{"data":{"id":"ID","type":"incidents","attributes":{"title":"Renamed"}}}""".Replace("ID", id, System.StringComparison.Ordinal)));
        using var attached = await http.PostAsync($"api/v2/incidents/{id}/attachments/postmortems",
            Json("""{"data":{"type":"incident_attachments","attributes":{"title":"PM","cells":[]}}}"""));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Renamed", (string?)(await GetAsync(http, $"api/v2/incidents/{id}"))["data"]!["attributes"]!["title"]);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        JsonNode attachment = JsonNode.Parse(await attached.Content.ReadAsStringAsync())!;
        Assert.Equal("postmortem", (string?)attachment["data"]!["attributes"]!["attachment_type"]);
        Assert.Equal(id, (string?)attachment["data"]!["relationships"]!["incident"]!["data"]!["id"]);
    }

    [Fact]
    public async Task AnswersAsDatadogDoesToMissingKeysUnknownIncidentsAndBadBodies()
    {
        await using var standIn = await IncidentStandIn.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = standIn.BaseAddress };
        using var http = Client(standIn);

        using var forbidden = await anonymous.GetAsync("api/v2/incidents");
        using var missing = await http.GetAsync("api/v2/incidents/00000000-0000-4000-8000-999999999999");
        using var badBody = await http.PostAsync($"api/v2/incidents/{IncidentStandIn.FirstIncidentId}/attachments/postmortems", Json("""{"data":{}}"""));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("""{"errors":["Forbidden"]}""", await forbidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("404", (string?)JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["errors"]![0]!["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
    }

    private static HttpClient Client(IncidentStandIn standIn)
    {
        var http = new HttpClient { BaseAddress = standIn.BaseAddress };
        http.DefaultRequestHeaders.Add("DD-API-KEY", "any");
        http.DefaultRequestHeaders.Add("DD-APPLICATION-KEY", "any");
        return http;
    }

    private static async Task<JsonNode> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
