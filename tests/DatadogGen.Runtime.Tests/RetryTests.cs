using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>Retries against a real server that fails on purpose: which answers are retried, how long the waits are.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task RateLimitedCallWaitsXRateLimitResetThenSucceeds()
    {
        await using LoopbackServer server = await Script(
            Status(429, """{"errors":["Too many requests"]}""", ("X-RateLimit-Reset", "1"), ("X-RateLimit-Remaining", "0")),
            Ok());
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        // Were the header ignored, the backoff would wait 30 s and the hang guard would fail the test.
        configuration.BackoffBase = 30;
        using var client = new ApiClient(configuration);

        var clock = Stopwatch.StartNew();
        ApiResponse<Item> response = await WithinHangGuard(Send(client));

        Assert.Equal(new Item("a"), response.Data);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
    }

    [Fact]
    public async Task ServerErrorTwiceThenSuccess()
    {
        await using LoopbackServer server = await Script(Status(500), Status(500), Ok());
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        var log = new LogCapture();
        log.Attach(configuration);
        using var client = new ApiClient(configuration);

        ApiResponse<Item> response = await WithinHangGuard(Send(client));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(
            ["v2.GetItem: 500 Internal Server Error; retry 1 of 3 in 0.01 s.", "v2.GetItem: 500 Internal Server Error; retry 2 of 3 in 0.02 s."],
            log.At(ApiLogLevel.Information));
    }

    [Fact]
    public async Task ExhaustedRetriesThrowTheLastStatus()
    {
        await using LoopbackServer server = await Script(Status(503), Status(502), Status(500), Status(504, """{"errors":["gateway"]}"""));
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        var log = new LogCapture();
        log.Attach(configuration);
        using var client = new ApiClient(configuration);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => WithinHangGuard(Send(client, TestModels.ReadError)));

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(504, ex.StatusCode);
        Assert.Equal(new TestError("gateway"), ex.Error);
        Assert.StartsWith("v2.GetItem failed after 4 attempts: 504 Gateway Timeout.", ex.Message);
        Assert.Equal(["v2.GetItem: 504 Gateway Timeout; giving up after 4 attempts: no retry left (MaxRetries is 3)."], log.At(ApiLogLevel.Warning));
    }

    [Fact]
    public async Task RetryIsOffByDefault()
    {
        await using LoopbackServer server = await Script(Status(503), Ok());
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(503, ex.StatusCode);
        Assert.Single(server.Requests);
        Assert.StartsWith("v2.GetItem failed: 503 Service Unavailable.", ex.Message);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(599)]
    public async Task RetriesRequestTimeoutTooManyRequestsAndEvery5xx(int status)
    {
        await using LoopbackServer server = await Script(Status(status), Ok());
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        await WithinHangGuard(Send(client));

        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(302)]
    public async Task DoesNotRetryOtherStatuses(int status)
    {
        await using LoopbackServer server = await Script(Status(status), Ok());
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PostIsRetriedWithTheSameBody()
    {
        await using LoopbackServer server = await Script(Status(503), Status(201, """{"id":"created"}"""));
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));
        var request = new ApiRequest("v2.CreateItem", HttpMethod.Post, "/api/v2/items");
        request.SetJsonBody(new Item("new"), TestModels.WriteItem);

        ApiResponse<Item> response = await WithinHangGuard(
            client.SendAsync(request, TestModels.ReadItemResponse, null, CancellationToken.None));

        Assert.Equal(new Item("created"), response.Data);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""{"id":"new"}""", System.Text.Encoding.UTF8.GetString(r.Body)));
    }

    [Fact]
    public async Task NetworkFailuresAreRetried()
    {
        await using LoopbackServer server = await Script(Abort(), AbortMidBody(ItemJson), Ok());
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        ApiResponse<Item> response = await WithinHangGuard(Send(client));

        Assert.Equal(new Item("a"), response.Data);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task TimedOutAttemptsAreRetried()
    {
        await using LoopbackServer server = await Script(Hang(), Ok());
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        configuration.Timeout = TimeSpan.FromMilliseconds(200);
        using var client = new ApiClient(configuration);

        ApiResponse<Item> response = await WithinHangGuard(Send(client));

        Assert.Equal(new Item("a"), response.Data);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ResetLongerThanMaxRetryDelayIsThrownAtOnce()
    {
        await using LoopbackServer server = await Script(
            Status(429, """{"errors":["hourly limit"]}""", ("X-RateLimit-Reset", "3600"), ("X-RateLimit-Period", "3600")), Ok());
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => WithinHangGuard(Send(client)));

        Assert.Single(server.Requests);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(3600, ex.RateLimit.Reset);
        Assert.EndsWith("Not retried: X-RateLimit-Reset asks for a 3600 s wait, more than MaxRetryDelay (60 s).", ex.Message);
    }

    [Fact]
    public async Task BackoffGrowsByTheMultiplierUpToMaxRetryDelay()
    {
        await using LoopbackServer server = await Script(Status(500));
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress, maxRetries: 4);
        configuration.BackoffBase = 0.01;
        configuration.BackoffMultiplier = 3;
        configuration.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        var log = new LogCapture();
        log.Attach(configuration);
        using var client = new ApiClient(configuration);

        await Assert.ThrowsAsync<ApiException>(() => WithinHangGuard(Send(client)));

        string[] waits = [.. log.At(ApiLogLevel.Information).Select(line => line[(line.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..])];
        Assert.Equal(["0.01 s.", "0.03 s.", "0.05 s.", "0.05 s."], waits);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task CancellationInterruptsABackoffWaitAtOnce()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Status(503)(context);
            received.TrySetResult();
        });
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        configuration.BackoffBase = 30;
        using var client = new ApiClient(configuration);
        using var cancellation = new CancellationTokenSource();

        Task<ApiResponse<Item>> call = Send(client, cancellationToken: cancellation.Token);
        await WithinHangGuard(received.Task);
        await cancellation.CancelAsync();

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinHangGuard(call));
        Assert.Equal(cancellation.Token, ex.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CancellationDuringARequestSurfacesForTheCallersToken()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Script(Hang(received));
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));
        using var cancellation = new CancellationTokenSource();

        Task<ApiResponse<Item>> call = Send(client, cancellationToken: cancellation.Token);
        await WithinHangGuard(received.Task);
        await cancellation.CancelAsync();

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinHangGuard(call));
        Assert.Equal(cancellation.Token, ex.CancellationToken);
        Assert.Single(server.Requests);
    }

    private static Task<ApiResponse<Item>> Send(
        ApiClient client, ErrorReader? readError = null, CancellationToken cancellationToken = default) =>
        client.SendAsync(new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1"), TestModels.ReadItemResponse, readError, cancellationToken);
    [Fact]
    public async Task AHostNameThatDoesNotExistIsNotRetried()
    {
        // .invalid never resolves (RFC 6761): the same answer on every attempt, so the first one is the last.
        Configuration configuration = TestConfiguration.Retrying(new Uri("https://does-not-exist.invalid/"));
        configuration.BackoffBase = 30;
        var events = new System.Collections.Concurrent.ConcurrentQueue<ApiLogEvent>();
        configuration.StructuredLog = events.Enqueue;
        using var client = new ApiClient(configuration);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => WithinHangGuard(Send(client)));

        Assert.Equal(0, ex.StatusCode);
        Assert.Single(events, e => e.Id == ApiLogEvents.AttemptSending);
        // The resolver's own words (before the ';') differ between operating systems.
        Assert.EndsWith(
            "; giving up after 1 attempts: the host name does not exist; a retry would fail the same way.",
            Assert.Single(events, e => e.Id == ApiLogEvents.CallFailed).Message);
    }

    [Fact]
    public async Task ARefusedServerCertificateIsNotRetried()
    {
        // A self-signed certificate for another name: refused by the default validation, the same on every attempt.
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var certificateRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=not-this-host.example", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var created = certificateRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
            created.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12), null);
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Ok()(context), certificate);
        Configuration configuration = TestConfiguration.Retrying(server.BaseAddress);
        configuration.BackoffBase = 30;
        var log = new LogCapture();
        log.Attach(configuration);
        using var client = new ApiClient(configuration);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => WithinHangGuard(Send(client)));

        Assert.StartsWith("https://", server.BaseAddress.ToString(), StringComparison.Ordinal);
        Assert.IsType<System.Security.Authentication.AuthenticationException>(ex.InnerException!.InnerException);
        Assert.Empty(server.Requests);
        Assert.EndsWith(
            "giving up after 1 attempts: the server's TLS certificate was refused; a retry would fail the same way.",
            Assert.Single(log.At(ApiLogLevel.Warning)));
    }
}
