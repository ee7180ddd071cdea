using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>Configuration.Timeout bounds each attempt, the body included, and names the operation when it expires.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task SlowResponseThrowsApiTimeoutExceptionNamingTheOperation()
    {
        await using LoopbackServer server = await Script(Hang());
        Configuration configuration = TestConfiguration.For(server.BaseAddress);
        configuration.Timeout = TimeSpan.FromMilliseconds(200);
        using var client = new ApiClient(configuration);

        ApiTimeoutException ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => WithinHangGuard(Send(client)));

        // One exception root (issue 13): a timeout is an ApiException with no status, its TimeoutException inside.
        Assert.IsAssignableFrom<ApiException>(ex);
        Assert.Equal(0, ex.StatusCode);
        Assert.Equal("v2.GetItem", ex.OperationName);
        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
        Assert.Equal($"v2.GetItem: GET {server.BaseAddress.GetLeftPart(UriPartial.Authority)}/api/v2/items/1 timed out after 0.2 s (Configuration.Timeout).", ex.Message);
        TimeoutException inner = Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.IsAssignableFrom<OperationCanceledException>(inner.InnerException);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TimeoutCoversTheBody()
    {
        await using LoopbackServer server = await Script(HangMidBody());
        Configuration configuration = TestConfiguration.For(server.BaseAddress);
        configuration.Timeout = TimeSpan.FromMilliseconds(200);
        using var client = new ApiClient(configuration);

        ApiTimeoutException ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => WithinHangGuard(Send(client)));

        Assert.Equal("v2.GetItem", ex.OperationName);
    }

    [Fact]
    public async Task LastTimedOutAttemptIsReportedWithTheAttemptCount()
    {
        await using LoopbackServer server = await Script(Hang());
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress, maxRetries: 1);
        // Long enough for the second attempt to reach the server while other tests load the machine.
        configuration.Timeout = TimeSpan.FromMilliseconds(500);
        using var client = new ApiClient(configuration);

        ApiTimeoutException ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => WithinHangGuard(Send(client)));

        Assert.EndsWith("timed out after 0.5 s (Configuration.Timeout) (2 attempts).", ex.Message);
        // The client counts its attempts; the server may not see the second one's headers before the client gives
        // up on it when CI's parallel test classes load both cores, so only an extra request would be wrong here.
        Assert.InRange(server.Requests.Count, 1, 2);
    }

    [Fact]
    public async Task InfiniteTimeoutIsAllowed()
    {
        await using LoopbackServer server = await Script(Ok());
        Configuration configuration = TestConfiguration.For(server.BaseAddress);
        configuration.Timeout = Timeout.InfiniteTimeSpan;
        using var client = new ApiClient(configuration);

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("a"), response.Data);
    }

    private static Task<ApiResponse<Item>> Send(ApiClient client) =>
        client.SendAsync(new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1"), TestModels.ReadItemResponse, null, CancellationToken.None);
}
