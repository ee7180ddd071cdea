using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>What the log hook receives, and that it can never break a call.</summary>
public sealed class LoggingTests
{
    private const string Operation = "v2.LoggingTestUnstableOperation";
    private const string Other = "v2.LoggingTestOtherUnstableOperation";

    static LoggingTests() => Configuration.RegisterUnstableOperations(Operation, Other);

    [Fact]
    public void UnstableNoticeIsLoggedAtDebugOncePerOperationAndConfiguration()
    {
        var log = new LogCapture();
        var configuration = new Configuration();
        var second = new Configuration();
        log.Attach(configuration);
        log.Attach(second);
        foreach (Configuration c in new[] { configuration, second })
        {
            c.SetUnstableOperationEnabled(Operation, true);
            c.SetUnstableOperationEnabled(Other, true);
        }

        for (int i = 0; i < 3; i++)
        {
            configuration.ThrowIfUnstableOperationDisabled(Operation);
            configuration.ThrowIfUnstableOperationDisabled(Other);
        }

        second.ThrowIfUnstableOperationDisabled(Operation);

        Assert.Equal(
            [
                (ApiLogLevel.Debug, $"Calling unstable operation '{Operation}': it may change or disappear without notice."),
                (ApiLogLevel.Debug, $"Calling unstable operation '{Other}': it may change or disappear without notice."),
                (ApiLogLevel.Debug, $"Calling unstable operation '{Operation}': it may change or disappear without notice."),
            ],
            log.Lines);
    }

    [Fact]
    public void DisabledOperationLogsNothing()
    {
        var log = new LogCapture();
        var configuration = new Configuration();
        log.Attach(configuration);

        Assert.Throws<UnstableOperationDisabledException>(() => configuration.ThrowIfUnstableOperationDisabled(Operation));

        Assert.Empty(log.Lines);
    }

    [Fact]
    public async Task EachAttemptIsLoggedAtDebug()
    {
        await using LoopbackServer server = await Script(Status(503), Ok());
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        var log = new LogCapture();
        log.Attach(configuration);
        using var client = new ApiClient(configuration);

        await Send(client);

        string target = $"v2.GetItem: GET {server.BaseAddress.GetLeftPart(UriPartial.Authority)}/api/v2/items/1";
        Assert.Collection(
            log.Lines,
            l => Assert.Equal((ApiLogLevel.Debug, target), l),
            l => Assert.Matches(@"^v2\.GetItem: 503 Service Unavailable after \d+ ms$", l.Message),
            l => Assert.Equal((ApiLogLevel.Information, "v2.GetItem: 503 Service Unavailable; retry 1 of 3 in 0.01 s."), l),
            l => Assert.Equal((ApiLogLevel.Debug, target), l),
            l => Assert.Matches(@"^v2\.GetItem: 200 OK after \d+ ms$", l.Message));
    }

    [Fact]
    public async Task AThrowingLogHookDoesNotFailTheCall()
    {
        await using LoopbackServer server = await Script(Status(500), Ok());
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        configuration.Log = (_, _) => throw new InvalidOperationException("log sink is down");
        using var client = new ApiClient(configuration);

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("a"), response.Data);
    }

    private static Task<ApiResponse<Item>> Send(ApiClient client) =>
        client.SendAsync(new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1"), TestModels.ReadItemResponse, null, CancellationToken.None);
}
