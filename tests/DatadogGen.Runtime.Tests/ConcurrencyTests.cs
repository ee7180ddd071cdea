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
}
