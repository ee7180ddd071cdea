using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>One client, many concurrent calls, deterministic injected failures.</summary>
public sealed class ConcurrencyTests
{
    private const int Calls = 200;

    [Fact]
    public async Task TwoHundredConcurrentCallsWithTwentyPercentFailuresAllSucceed()
    {
        // Every fifth item fails its first attempt, alternately 429 (with X-RateLimit-Reset: 0) and 503: 20%,
        // whatever order the requests arrive in, so the expected request count is exact.
        var failedOnce = new ConcurrentDictionary<int, bool>();
        int injected = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            int item = int.Parse(context.Request.Path.Value!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            if (item % 5 == 0 && failedOnce.TryAdd(item, true))
            {
                Interlocked.Increment(ref injected);
                return item % 10 == 0 ? Status(429, """{"errors":["slow down"]}""", ("X-RateLimit-Reset", "0"))(context) : Status(503)(context);
            }

            return Status(200, $$"""{"id":"{{item}}"}""")(context);
        });
        var log = new LogCapture();
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        log.Attach(configuration);
        using var client = new ApiClient(configuration);

        ApiResponse<Item>[] responses = await WithinHangGuard(Task.WhenAll(Enumerable.Range(0, Calls).Select(i =>
            Task.Run(() => client.SendAsync(
                new ApiRequest("v2.GetItem", HttpMethod.Get, $"/api/v2/items/{i}"), TestModels.ReadItemResponse, null, CancellationToken.None)))));

        Assert.Equal(Enumerable.Range(0, Calls).Select(i => new Item($"{i}")), responses.Select(r => r.Data));
        Assert.Equal(Calls / 5, injected);
        Assert.Equal(Calls + injected, server.Requests.Count);
        Assert.Equal(injected, log.At(ApiLogLevel.Information).Count);
    }

    [Fact]
    public async Task ConcurrentCallsEachSendTheirOwnBodyOnEveryAttempt()
    {
        // Request bodies live in arrays from the shared pool until their call is over: every attempt of every
        // call, a retried one included, must carry its own bytes, whatever other calls do with the pool meanwhile.
        var failedOnce = new ConcurrentDictionary<int, bool>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            int item = int.Parse(context.Request.Path.Value!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            return item % 4 == 0 && failedOnce.TryAdd(item, true) ? Status(503)(context) : Status(200, $$"""{"id":"{{item}}"}""")(context);
        });
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        // Eight workers, each building its next request when its last call is over: arrays come back to the pool
        // and are rented again while other calls wait out a retry's backoff.
        int next = -1;
        async Task Worker()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < Calls;)
            {
                var request = new ApiRequest("v2.UpdateItem", HttpMethod.Put, $"/api/v2/items/{i}");
                // Bodies of different lengths, so that arrays of several sizes are rented and returned.
                request.SetJsonBody(new Item($"{i}:" + new string('x', i % 16 * 40)), TestModels.WriteItem);
                await client.SendAsync(request, TestModels.ReadItemResponse, null, CancellationToken.None);
            }
        }

        await WithinHangGuard(Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Worker))));

        Assert.Equal(Calls + Calls / 4, server.Requests.Count);
        Assert.All(server.Requests, received =>
        {
            int item = int.Parse(received.RawTarget.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($$"""{"id":"{{item}}:{{new string('x', item % 16 * 40)}}"}""", System.Text.Encoding.UTF8.GetString(received.Body));
        });
    }
}
