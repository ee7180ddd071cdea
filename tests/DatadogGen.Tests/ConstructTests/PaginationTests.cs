using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Microsoft.AspNetCore.Http;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>
/// x-pagination helpers against servers that really page: cursor (query or body), offset and page number. Each
/// server answers from the page parameters it receives, so a helper that sends the wrong ones gets wrong items.
/// </summary>
public class PaginationTests
{
    [Fact]
    public async Task CursorHelperFollowsMetaPageAfterWithTheDefaultLimit()
    {
        await using var server = await StartCursorServerAsync(total: 25);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var events = await Collect(new PaginationApi(apiClient).ListEventsWithPaginationAsync(filterQuery: "service:web"));

        Assert.Equal(Ids("e", 25), events.Select(e => e.Id));
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(["10"], r.Query["page[limit]"]));
        Assert.All(server.Requests, r => Assert.Equal(["service:web"], r.Query["filter[query]"]));
        Assert.Equal([null, "cursor-10", "cursor-20"], server.Requests.Select(r => QueryValue(r, "page[cursor]")));
    }

    [Fact]
    public async Task CursorHelperUsesTheGivenPageSize()
    {
        await using var server = await StartCursorServerAsync(total: 10);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var events = await Collect(new PaginationApi(apiClient).ListEventsWithPaginationAsync(pageLimit: 4));

        Assert.Equal(Ids("e", 10), events.Select(e => e.Id));
        Assert.All(server.Requests, r => Assert.Equal(["4"], r.Query["page[limit]"]));
        Assert.Equal([null, "cursor-4", "cursor-8"], server.Requests.Select(r => QueryValue(r, "page[cursor]")));
    }

    [Fact]
    public async Task CursorHelperStopsWhenAFullPageComesWithoutANextCursor()
    {
        await using var server = await StartCursorServerAsync(total: 20);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var events = await Collect(new PaginationApi(apiClient).ListEventsWithPaginationAsync());

        Assert.Equal(Ids("e", 20), events.Select(e => e.Id));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task CursorHelperStopsAfterAnEmptyFirstPage()
    {
        await using var server = await StartCursorServerAsync(total: 0);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var events = await Collect(new PaginationApi(apiClient).ListEventsWithPaginationAsync());

        Assert.Empty(events);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task OffsetHelperAdvancesTheOffsetByTheItemsReceived()
    {
        await using var server = await StartPagedWidgetServerAsync(total: 25, pageParameter: "page[offset]", sizeParameter: "page[limit]",
            firstItem: (page, size) => page ?? 0);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var widgets = await Collect(new PaginationApi(apiClient).ListOffsetWidgetsWithPaginationAsync());

        Assert.Equal(Ids("w", 25), widgets.Select(w => w.Id));
        Assert.All(server.Requests, r => Assert.Equal(["10"], r.Query["page[limit]"]));
        Assert.Equal([0, 10, 20], server.Requests.Select(r => long.Parse(QueryValue(r, "page[offset]") ?? "0")));
    }

    [Fact]
    public async Task OffsetHelperStartsAtTheGivenOffsetWithTheGivenSize()
    {
        await using var server = await StartPagedWidgetServerAsync(total: 25, pageParameter: "page[offset]", sizeParameter: "page[limit]",
            firstItem: (page, size) => page ?? 0);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var widgets = await Collect(new PaginationApi(apiClient).ListOffsetWidgetsWithPaginationAsync(pageLimit: 7, pageOffset: 5));

        Assert.Equal(Ids("w", 25).Skip(5), widgets.Select(w => w.Id));
        Assert.Equal(["5", "12", "19"], server.Requests.Select(r => QueryValue(r, "page[offset]")));
        Assert.All(server.Requests, r => Assert.Equal(["7"], r.Query["page[limit]"]));
    }

    [Fact]
    public async Task PageNumberHelperCountsPagesFromPageStartWithTheSpecsDefaultSize()
    {
        // page[size] declares default: 5; pageStart is 1, so an absent page[number] means page 1.
        await using var server = await StartPagedWidgetServerAsync(total: 12, pageParameter: "page[number]", sizeParameter: "page[size]",
            firstItem: (page, size) => ((page ?? 1) - 1) * size);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var widgets = await Collect(new PaginationApi(apiClient).ListNumberedWidgetsWithPaginationAsync());

        Assert.Equal(Ids("w", 12), widgets.Select(w => w.Id));
        Assert.All(server.Requests, r => Assert.Equal(["5"], r.Query["page[size]"]));
        var numbers = server.Requests.Select(r => QueryValue(r, "page[number]")).ToList();
        Assert.Equal(3, numbers.Count);
        Assert.True(numbers[0] is null or "1", $"first page[number] was {numbers[0]}");
        Assert.Equal(["2", "3"], numbers.Skip(1));
    }

    [Fact]
    public async Task PageNumberHelperStartsAtTheGivenPage()
    {
        await using var server = await StartPagedWidgetServerAsync(total: 12, pageParameter: "page[number]", sizeParameter: "page[size]",
            firstItem: (page, size) => ((page ?? 1) - 1) * size);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var widgets = await Collect(new PaginationApi(apiClient).ListNumberedWidgetsWithPaginationAsync(pageSize: 4, pageNumber: 2));

        Assert.Equal(Ids("w", 12).Skip(4), widgets.Select(w => w.Id));
        Assert.Equal(["2", "3", "4"], server.Requests.Select(r => QueryValue(r, "page[number]")));
    }

    [Fact]
    public async Task BodyCursorHelperSetsPageCursorAndLimitInTheBody()
    {
        await using var server = await StartBodyCursorServerAsync(total: 25);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var body = new EventsSearchRequest { Filter = new EventsSearchFilter { Query = "service:web" } };

        var events = await Collect(new PaginationApi(apiClient).SearchEventsWithPaginationAsync(body));

        Assert.Equal(Ids("e", 25), events.Select(e => e.Id));
        var sent = server.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, b => Assert.Equal("service:web", (string?)b["filter"]!["query"]));
        Assert.All(sent, b => Assert.Equal(10, (int)b["page"]!["limit"]!));
        Assert.Equal([null, "cursor-10", "cursor-20"], sent.Select(b => (string?)b["page"]!["cursor"]));
        Assert.All(server.Requests, r => Assert.Equal("POST", r.Method));
    }

    [Fact]
    public async Task BodyCursorHelperWorksWithoutABody()
    {
        await using var server = await StartBodyCursorServerAsync(total: 12);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var events = await Collect(new PaginationApi(apiClient).SearchEventsWithPaginationAsync());

        Assert.Equal(Ids("e", 12), events.Select(e => e.Id));
        Assert.Equal(2, server.Requests.Count);
        JsonAssert.Equivalent("""{"page":{"limit":10}}""", BodyText(server.Requests[0]));
        JsonAssert.Equivalent("""{"page":{"limit":10,"cursor":"cursor-10"}}""", BodyText(server.Requests[1]));
    }

    [Fact]
    public async Task BodyCursorHelperUsesTheGivenLimit()
    {
        await using var server = await StartBodyCursorServerAsync(total: 7);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var body = new EventsSearchRequest { Page = new EventsSearchPage { Limit = 3 } };

        var events = await Collect(new PaginationApi(apiClient).SearchEventsWithPaginationAsync(body));

        Assert.Equal(Ids("e", 7), events.Select(e => e.Id));
        Assert.Equal([3, 3, 3], server.Requests.Select(r => (int)JsonNode.Parse(r.Body)!["page"]!["limit"]!));
    }

    [Fact]
    public async Task QueryCursorHelperCanBeEnumeratedAgainFromTheStart()
    {
        await using var server = await StartCursorServerAsync(total: 25);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var events = new PaginationApi(apiClient).ListEventsWithPaginationAsync();

        var first = await Collect(events);
        var second = await Collect(events);

        Assert.Equal(Ids("e", 25), first.Select(e => e.Id));
        Assert.Equal(Ids("e", 25), second.Select(e => e.Id));
    }

    [Fact]
    public async Task BodyCursorHelperCanBeEnumeratedAgainFromTheStart()
    {
        // The paging state must not stay behind in the caller's body: the same body (or the same enumerable)
        // enumerated again has to start at the first page, not after the last cursor of the previous run.
        await using var server = await StartBodyCursorServerAsync(total: 25);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var body = new EventsSearchRequest { Filter = new EventsSearchFilter { Query = "service:web" } };
        var events = new PaginationApi(apiClient).SearchEventsWithPaginationAsync(body);

        var first = await Collect(events);
        var second = await Collect(events);

        Assert.Equal(Ids("e", 25), first.Select(e => e.Id));
        Assert.Equal(Ids("e", 25), second.Select(e => e.Id));
        Assert.Null(body.Page?.Cursor);
    }

    [Fact]
    public async Task CancellingTheTokenStopsTheEnumeration()
    {
        await using var server = await StartCursorServerAsync(total: 25);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in new PaginationApi(apiClient).ListEventsWithPaginationAsync(cancellationToken: cancellation.Token))
            {
                seen.Add(e.Id);
                cancellation.Cancel();
            }
        });

        Assert.Single(server.Requests);
        Assert.InRange(seen.Count, 1, 10);
        Assert.Equal(Ids("e", seen.Count), seen);
    }

    [Fact]
    public async Task CancellingTheTokenGivenToWithCancellationStopsTheEnumeration()
    {
        await using var server = await StartPagedWidgetServerAsync(total: 25, pageParameter: "page[offset]", sizeParameter: "page[limit]",
            firstItem: (page, size) => page ?? 0);
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var w in new PaginationApi(apiClient).ListOffsetWidgetsWithPaginationAsync().WithCancellation(cancellation.Token))
            {
                if (++seen == 10)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(10, seen);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void HelperOfADeprecatedOperationIsObsoleteToo()
    {
        // ListMemberTeams in Datadog's spec is deprecated and paginated.
        Assert.NotNull(typeof(PaginationApi).GetMethod("ListLegacyWidgetsAsync")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.NotNull(typeof(PaginationApi).GetMethod("ListLegacyWidgetsWithPaginationAsync")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.Null(typeof(PaginationApi).GetMethod(nameof(PaginationApi.ListEventsWithPaginationAsync))!.GetCustomAttribute<ObsoleteAttribute>());
    }

    private static IEnumerable<string> Ids(string prefix, int count) => Enumerable.Range(0, count).Select(i => prefix + i);

    private static string? QueryValue(ReceivedRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? Assert.Single(values) : null;

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Serves events e0..e(total-1): page[cursor] "cursor-N" starts at N, page[limit] is required.</summary>
    private static Task<LoopbackServer> StartCursorServerAsync(int total) =>
        StartAsync((request, context) =>
        {
            string? cursor = QueryValue(request, "page[cursor]");
            int limit = int.Parse(QueryValue(request, "page[limit]") ?? throw new InvalidOperationException("no page[limit]"));
            int start = cursor is null ? 0 : int.Parse(cursor["cursor-".Length..]);
            return WriteEventsAsync(context, total, start, limit);
        });

    /// <summary>Serves events like <see cref="StartCursorServerAsync"/>, with the paging in the JSON body.</summary>
    private static Task<LoopbackServer> StartBodyCursorServerAsync(int total) =>
        StartAsync((request, context) =>
        {
            var page = JsonNode.Parse(request.Body)!["page"]!;
            string? cursor = (string?)page["cursor"];
            int limit = (int)page["limit"]!;
            int start = cursor is null ? 0 : int.Parse(cursor["cursor-".Length..]);
            return WriteEventsAsync(context, total, start, limit);
        });

    private static Task WriteEventsAsync(HttpContext context, int total, int start, int limit)
    {
        int end = Math.Min(total, start + limit);
        var data = new JsonArray();
        for (int i = start; i < end; i++)
        {
            data.Add(new JsonObject { ["id"] = "e" + i, ["type"] = "events" });
        }

        var page = new JsonObject();
        if (end < total)
        {
            page["after"] = "cursor-" + end;
        }

        var response = new JsonObject { ["data"] = data, ["meta"] = new JsonObject { ["page"] = page } };
        return WriteJsonAsync(context, 200, response.ToJsonString());
    }

    /// <summary>Serves widgets w0..w(total-1); <paramref name="firstItem"/> maps (page parameter, size) to the first index.</summary>
    private static Task<LoopbackServer> StartPagedWidgetServerAsync(int total, string pageParameter, string sizeParameter, Func<long?, long, long> firstItem) =>
        StartAsync((request, context) =>
        {
            string? page = QueryValue(request, pageParameter);
            long size = long.Parse(QueryValue(request, sizeParameter) ?? throw new InvalidOperationException("no " + sizeParameter));
            long start = firstItem(page is null ? null : long.Parse(page), size);
            var data = new JsonArray();
            for (long i = start; i < Math.Min(total, start + size); i++)
            {
                data.Add(new JsonObject { ["id"] = "w" + i, ["name"] = "widget " + i });
            }

            return WriteJsonAsync(context, 200, new JsonObject { ["data"] = data }.ToJsonString());
        });
}
