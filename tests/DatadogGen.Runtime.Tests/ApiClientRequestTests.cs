using System;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;

namespace DatadogGen.Runtime.Tests;

/// <summary>What the client puts on the wire, checked at a real server.</summary>
public sealed class ApiClientRequestTests
{
    private const string ApiKey = "api-key-1234567890abcdef";
    private const string ApplicationKey = "app-key-fedcba0987654321";

    [Fact]
    public async Task SendsKeysAcceptAndUserAgent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress, ApiKey, ApplicationKey));

        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);

        ReceivedRequest request = server.SingleRequest;
        Assert.Equal(ApiKey, request.Headers["DD-API-KEY"]);
        Assert.Equal(ApplicationKey, request.Headers["DD-APPLICATION-KEY"]);
        Assert.Equal("application/json, application/vnd.api+json", request.Headers["Accept"]);
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string pattern = $@"^datadog-gen-csharp/\d+\.\d+\.\d+[^ +]* \(dotnet {Regex.Escape(Environment.Version.ToString())}; os [A-Za-z]+; arch {arch}\)$";
        Assert.Matches(pattern, request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task UserAgentSuffixIsAppendedAfterASpace()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        Configuration configuration = TestConfiguration.For(server.BaseAddress);
        configuration.UserAgentSuffix = "incident-bot/1.4 (+https://example.com/bot)";
        using var client = new ApiClient(configuration);

        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Assert.Matches(@"^datadog-gen-csharp/\S+ \(dotnet [^)]+\) incident-bot/1\.4 \(\+https://example\.com/bot\)$",
            server.SingleRequest.Headers["User-Agent"]);
    }

    [Fact]
    public async Task EachCallSendsTheSettingsOfItsStartEvenWhenCallsBeforeSharedASnapshot()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        Configuration configuration = TestConfiguration.For(server.BaseAddress, ApiKey, ApplicationKey);
        using var client = new ApiClient(configuration);

        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);
        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);
        configuration.ApiKey = "rotated-api-key-0000000000";
        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);
        configuration.UserAgentSuffix = "incident-bot/2.0";
        configuration.ApplicationKey = null;
        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);

        var requests = server.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal([ApiKey, ApiKey, "rotated-api-key-0000000000", "rotated-api-key-0000000000"],
            [.. requests.Select(r => r.Headers["DD-API-KEY"])]);
        Assert.True(requests[2].Headers.ContainsKey("DD-APPLICATION-KEY"));
        Assert.False(requests[3].Headers.ContainsKey("DD-APPLICATION-KEY"));
        Assert.DoesNotContain("incident-bot", requests[2].Headers["User-Agent"]);
        Assert.EndsWith(" incident-bot/2.0", requests[3].Headers["User-Agent"]);
    }

    [Fact]
    public async Task EachCallGoesToTheBaseAddressSetAtItsStart()
    {
        // The client works out each base address once (ServerEndpoint); a new address must still take effect.
        await using LoopbackServer first = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        await using LoopbackServer second = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        Configuration configuration = TestConfiguration.For(first.BaseAddress);
        using var client = new ApiClient(configuration);

        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);
        configuration.BaseAddress = second.BaseAddress;
        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);
        configuration.BaseAddress = new Uri(first.BaseAddress.AbsoluteUri);
        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);
        configuration.BaseAddress = new Uri($"http://10.0.0.1:{first.BaseAddress.Port}/");
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None));

        Assert.Equal(2, first.Requests.Count);
        Assert.Single(second.Requests);
    }

    [Fact]
    public async Task OmitsKeysThatAreNotSet()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Assert.False(server.SingleRequest.Headers.ContainsKey("DD-API-KEY"));
        Assert.False(server.SingleRequest.Headers.ContainsKey("DD-APPLICATION-KEY"));
    }

    [Fact]
    public async Task SendsRequestHeadersAndJsonBody()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"id":"created"}""");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        var request = new ApiRequest("v2.CreateItem", HttpMethod.Post, "/api/v2/items");
        request.AddHeader("X-Custom", "custom value");
        request.SetJsonBody(new Item("new \"one\""), TestModels.WriteItem);

        await client.SendAsync(request, TestModels.ReadItemResponse, null, CancellationToken.None);

        ReceivedRequest received = server.SingleRequest;
        Assert.Equal("POST", received.Method);
        Assert.Equal("custom value", received.Headers["X-Custom"]);
        Assert.Equal("application/json", received.Headers["Content-Type"]);
        Assert.Equal("""{"id":"new \u0022one\u0022"}""", Encoding.UTF8.GetString(received.Body));
    }

    [Theory]
    [InlineData("../x", "%2E%2E%2Fx")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    [InlineData("a/b?c#d", "a%2Fb%3Fc%23d")]
    [InlineData("%2F", "%252F")]
    [InlineData("ü 😀", "%C3%BC%20%F0%9F%98%80")]
    [InlineData("host.example.com", "host%2Eexample%2Ecom")]
    [InlineData("a-Z_0~", "a-Z_0~")]
    public async Task PathParameterArrivesInsideItsOwnSegment(string value, string expectedSegment)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        string path = "/api/v2/items/" + ApiRequest.EscapePathSegment(value) + "/tail";

        await client.SendAsync(Get(path), TestModels.ReadItemResponse, null, CancellationToken.None);

        string rawTarget = server.SingleRequest.RawTarget;
        Assert.Equal("/api/v2/items/" + expectedSegment + "/tail", rawTarget);
        string[] segments = rawTarget.Split('/');
        Assert.Equal(["", "api", "v2", "items", expectedSegment, "tail"], segments);
        Assert.Equal(value, Uri.UnescapeDataString(segments[4]));
    }

    [Fact]
    public async Task EscapesQueryNamesAndValues()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        ApiRequest request = Get("/api/v2/items");
        request.AddQueryParameter("filter[name]", "a&b=c d/ü+#");
        request.AddQueryParameter("tag", "x");
        request.AddQueryParameter("tag", "y");

        await client.SendAsync(request, TestModels.ReadItemResponse, null, CancellationToken.None);

        ReceivedRequest received = server.SingleRequest;
        Assert.Equal("/api/v2/items?filter%5Bname%5D=a%26b%3Dc%20d%2F%C3%BC%2B%23&tag=x&tag=y", received.RawTarget);
        Assert.Equal(["a&b=c d/ü+#"], received.Query["filter[name]"]);
        Assert.Equal(["x", "y"], received.Query["tag"]);
    }

    [Fact]
    public async Task KeepsThePathOfTheBaseAddressAsPrefix()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var client = new ApiClient(TestConfiguration.For(new Uri(server.BaseAddress, "proxy/datadog/")));

        await client.SendAsync(Get("/api/v2/items"), TestModels.ReadItemResponse, null, CancellationToken.None);

        Assert.Equal("/proxy/datadog/api/v2/items", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task ARequestIsSentOnce()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        var request = new ApiRequest("v2.CreateItem", HttpMethod.Post, "/api/v2/items");
        request.SetJsonBody(new Item("same"), TestModels.WriteItem);

        await client.SendAsync(request, TestModels.ReadItemResponse, null, CancellationToken.None);
        // Its pooled body went back to the pool when the call was over: a second send would send other bytes.
        var again = await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.SendAsync(request, TestModels.ReadItemResponse, null, CancellationToken.None));

        Assert.Equal("The request of v2.CreateItem was already sent; an ApiRequest is sent once.", again.Message);
        Assert.Equal("""{"id":"same"}""", Encoding.UTF8.GetString(server.SingleRequest.Body));
    }

    private static ApiRequest Get(string path) => new("v2.GetItem", HttpMethod.Get, path);
}
