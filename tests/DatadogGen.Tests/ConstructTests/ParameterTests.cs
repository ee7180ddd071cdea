using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>Path, query and header parameters of every kind (QueryItem), as they arrive at a real server.</summary>
public class ParameterTests
{
    private static readonly Guid RequestId = Guid.Parse("9F3A6C1E-0B2D-4E5F-8A7B-1C2D3E4F5A6B");

    [Fact]
    public async Task EveryKindOfQueryAndHeaderParameterArrivesAsTheSpecSpellsIt()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var from = new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2));

        await new ParametersApi(apiClient).QueryItemAsync(
            "item-1", 42, "prod", RequestId,
            enabled: false,
            count: 9007199254740993,
            ratio: 8.25,
            filterFrom: from,
            day: new DateOnly(2024, 2, 29),
            sort: new ItemSort("-name"), // the member is checked in SchemaTests.StringEnumMembersAreNamedByTheirVarnames
            kind: MetricKind.Gauge,
            tags: ["a", "b c", "x,y"],
            include: [IncludeType.Users, IncludeType.Teams],
            ids: [1, 22, 333],
            filterQuery: "service:web AND env:prod",
            filterCvssBaseScoreOp: 7.5,
            xClientTag: "nightly");

        var request = server.SingleRequest;
        Assert.Equal("GET", request.Method);
        Assert.StartsWith("/api/v2/constructs/items/item-1/revisions/42?", request.RawTarget);
        Assert.Equal(["prod"], request.Query["env"]);
        Assert.Equal(["false"], request.Query["enabled"]);
        Assert.Equal(["9007199254740993"], request.Query["count"]);
        Assert.Equal(["8.25"], request.Query["ratio"]);
        Assert.Equal(["2024-02-29"], request.Query["day"]);
        Assert.Equal(["-name"], request.Query["sort"]);
        Assert.Equal(["3"], request.Query["kind"]);
        Assert.Equal(["service:web AND env:prod"], request.Query["filter[query]"]);
        Assert.Equal(["7.5"], request.Query["filter[cvss.base.score][`$op`]"]);
        Assert.Equal(RequestId.ToString("D"), request.Headers["X-Request-Id"]);
        Assert.Equal("nightly", request.Headers["X-Client-Tag"]);

        string sentFrom = Assert.Single(request.Query["filter[from]"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", sentFrom);
        var parsed = DateTimeOffset.Parse(sentFrom, CultureInfo.InvariantCulture);
        Assert.Equal(from, parsed);
        Assert.Equal(from.Offset, parsed.Offset);
    }

    [Fact]
    public async Task ExplodedArraysRepeatTheNameAndExplodeFalseJoinsWithCommas()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new ParametersApi(apiClient).QueryItemAsync(
            "item-1", 1, "prod", RequestId,
            tags: ["a", "b c", "x,y"],
            include: [IncludeType.Users, IncludeType.Attachments],
            ids: [1, 22, 333]);

        var request = server.SingleRequest;
        Assert.Equal(["a", "b c", "x,y"], request.Query["tags"]);
        Assert.Equal(["users,attachments"], request.Query["include"]);
        Assert.Equal(["1,22,333"], request.Query["ids"]);
        // On the wire: one tags=... pair per item, in order; one include=... pair in all.
        var names = request.RawTarget[(request.RawTarget.IndexOf('?') + 1)..].Split('&').Select(pair => pair[..pair.IndexOf('=')]).ToList();
        Assert.Equal(["env", "tags", "tags", "tags", "include", "ids"], names);
    }

    [Fact]
    public async Task EmptyArraysAreNotSentInEitherStyle()
    {
        // An empty list is "undefined" in OpenAPI's form style (RFC 6570 3.2.1): no pair at all, not "include=".
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new ParametersApi(apiClient).QueryItemAsync("item-1", 1, "prod", RequestId, tags: [], include: [], ids: []);

        Assert.Equal("/api/v2/constructs/items/item-1/revisions/1?env=prod", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task OptionalParametersLeftNullAreNotSent()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new ParametersApi(apiClient).QueryItemAsync("item-1", 7, "prod", RequestId);

        var request = server.SingleRequest;
        Assert.Equal("/api/v2/constructs/items/item-1/revisions/7?env=prod", request.RawTarget);
        Assert.False(request.Headers.ContainsKey("X-Client-Tag"));
        Assert.Equal(RequestId.ToString("D"), request.Headers["X-Request-Id"]);
    }

    [Fact]
    public async Task NumbersAndDatesIgnoreTheCurrentCulture()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            await new ParametersApi(apiClient).QueryItemAsync(
                "item-1", 1234567, "prod", RequestId, ratio: 1234.5, count: -1234567, day: new DateOnly(2024, 12, 31),
                ids: [1000, 2000], filterCvssBaseScoreOp: 0.5);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        var request = server.SingleRequest;
        Assert.StartsWith("/api/v2/constructs/items/item-1/revisions/1234567?", request.RawTarget);
        Assert.Equal(["1234.5"], request.Query["ratio"]);
        Assert.Equal(["-1234567"], request.Query["count"]);
        Assert.Equal(["2024-12-31"], request.Query["day"]);
        Assert.Equal(["1000,2000"], request.Query["ids"]);
        Assert.Equal(["0.5"], request.Query["filter[cvss.base.score][`$op`]"]);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("what?x=1")]
    [InlineData("frag#ment")]
    [InlineData("..")]
    [InlineData("%2F..%2F")]
    [InlineData("it\u00e9m \u2603")]
    public async Task PathParameterStaysInsideItsSegment(string itemId)
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new ParametersApi(apiClient).QueryItemAsync(itemId, 3, "prod", RequestId);

        string path = server.SingleRequest.RawTarget.Split('?')[0];
        var segments = path.Split('/');
        Assert.Equal(["", "api", "v2", "constructs", "items", segments[5], "revisions", "3"], segments);
        Assert.Equal(itemId, Uri.UnescapeDataString(segments[5]));
    }

    [Fact]
    public void FilterStyleNamesBecomeValidCamelCaseIdentifiers()
    {
        var names = typeof(ParametersApi).GetMethod(nameof(ParametersApi.QueryItemAsync))!.GetParameters().Select(p => p.Name!).ToList();

        Assert.Equal(
            ["itemId", "revision", "env", "xRequestId", "enabled", "count", "ratio", "filterFrom", "day", "sort", "kind",
             "tags", "include", "ids", "filterQuery", "filterCvssBaseScoreOp", "xClientTag", "cancellationToken"],
            names);
        Assert.All(names, name => Assert.Matches("^[a-z][A-Za-z0-9]*$", name));
    }

    [Fact]
    public async Task HeaderValueWithLineBreakIsRejectedBeforeAnyRequest()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await Assert.ThrowsAsync<ArgumentException>(
            () => new ParametersApi(apiClient).QueryItemAsync("item-1", 1, "prod", RequestId, xClientTag: "a\r\nX-Injected: yes"));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MissingRequiredParametersAreRejectedBeforeAnyRequest()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var api = new ParametersApi(apiClient);

        await Assert.ThrowsAsync<ArgumentNullException>(() => api.QueryItemAsync(null!, 1, "prod", RequestId));
        await Assert.ThrowsAsync<ArgumentNullException>(() => api.QueryItemAsync("item-1", 1, null!, RequestId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => api.QueryItemAsync("", 1, "prod", RequestId));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public void RequiredParametersComeFirstAndOptionalOnesDefaultToNull()
    {
        var parameters = typeof(ParametersApi).GetMethod(nameof(ParametersApi.QueryItemAsync))!.GetParameters();

        Assert.All(parameters.Take(4), p => Assert.False(p.IsOptional, p.Name));
        Assert.All(parameters.Skip(4).SkipLast(1), p =>
        {
            Assert.True(p.IsOptional, p.Name);
            Assert.Null(p.DefaultValue);
        });
        Assert.Equal(typeof(long?), parameters.Single(p => p.Name == "count").ParameterType);
        Assert.Equal(typeof(DateTimeOffset?), parameters.Single(p => p.Name == "filterFrom").ParameterType);
        Assert.Equal(typeof(DateOnly?), parameters.Single(p => p.Name == "day").ParameterType);
        Assert.Equal(typeof(Guid), parameters.Single(p => p.Name == "xRequestId").ParameterType);
    }
}
