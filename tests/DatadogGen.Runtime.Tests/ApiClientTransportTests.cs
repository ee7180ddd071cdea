using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

using DatadogGen.Testing;

namespace DatadogGen.Runtime.Tests;

/// <summary>Connection-level behaviour: failures, cancellation, redirects, disposal (compression: <see cref="CompressionTests"/>).</summary>
public sealed class ApiClientTransportTests
{
    private const string ApiKey = "api-key-1234567890abcdef";

    [Fact]
    public async Task ConnectionRefusedBecomesApiExceptionWithStatusZero()
    {
        using var client = new ApiClient(TestConfiguration.For(ClosedPortAddress(), ApiKey));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Get(), TestModels.ReadItemResponse, TestModels.ReadError, CancellationToken.None));

        Assert.Equal(0, ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Null(ex.ResponseBody);
        Assert.Empty(ex.Headers);
        Assert.StartsWith("v2.GetItem: GET http://127.0.0.1:", ex.Message);
        Assert.Contains("failed before a complete response arrived", ex.Message);
        Assert.DoesNotContain(ApiKey, ex.ToString());
    }

    [Fact]
    public async Task CallerCancellationIsNotWrapped()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => HangAsync(context, received));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        using var cancellation = new CancellationTokenSource();

        Task<ApiResponse<Item>> call = client.SendAsync(Get(), TestModels.ReadItemResponse, null, cancellation.Token);
        await received.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task InjectedHttpClientTimeoutBecomesApiTimeoutException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => HangAsync(context, null));
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress), httpClient);

        ApiTimeoutException ex = await Assert.ThrowsAsync<ApiTimeoutException>(
            () => client.SendAsync(Get(), TestModels.ReadItemResponse, null, CancellationToken.None));

        Assert.Equal("v2.GetItem", ex.OperationName);
        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
        Assert.EndsWith("/api/v2/items/1 timed out after 0.2 s (HttpClient.Timeout).", ex.Message);
        // HttpClient's own TimeoutException is the inner exception, not a new one around it.
        TimeoutException inner = Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.IsAssignableFrom<OperationCanceledException>(inner.InnerException);
    }

    [Fact]
    public async Task OwnHttpClientDoesNotFollowRedirectsWithTheKeys()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress, ApiKey));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Get(), TestModels.ReadItemResponse, null, CancellationToken.None));

        Assert.Equal(302, ex.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task DisposeLeavesACallersHttpClientOpen()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var httpClient = new HttpClient();
        var client = new ApiClient(TestConfiguration.For(server.BaseAddress), httpClient);

        client.Dispose();

        using HttpResponseMessage response = await httpClient.GetAsync(server.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => client.SendAsync(Get(), TestModels.ReadItemResponse, null, CancellationToken.None));
    }

    private static ApiRequest Get() => new("v2.GetItem", HttpMethod.Get, "/api/v2/items/1");

    // Waits until the client gives up, so the test never depends on how long a response takes.
    private static async Task HangAsync(HttpContext context, TaskCompletionSource? received)
    {
        received?.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away, which is what the test waits for.
        }
    }

    // A port that was just bound and released: nothing listens there, so connecting is refused.
    private static Uri ClosedPortAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
    [Fact]
    public async Task ConfiguredProxyCarriesTheCallsOfTheClientsOwnHttpClient()
    {
        // The "proxy" is a loopback server: a forward proxy receives the absolute URI of the real target.
        await using LoopbackServer proxy = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        var configuration = new Configuration
        {
            BaseAddress = new Uri("http://datadog.proxied.invalid/"),
            AllowInsecureHttp = true,
            Proxy = new System.Net.WebProxy(proxy.BaseAddress),
        };
        using var client = new ApiClient(configuration);

        await client.SendAsync(Get(), TestModels.ReadItemResponse, null, CancellationToken.None);

        Assert.Equal("http://datadog.proxied.invalid/api/v2/items/1", proxy.SingleRequest.RawTarget);
    }
}
