using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

using DatadogGen.Testing;

namespace DatadogGen.Extensions.DependencyInjection.Tests;

/// <summary>services.AddDatadogClient(...) against a real loopback server.</summary>
public sealed class AddDatadogClientTests
{
    private const string ApiKey = "api-key-1234567890abcdef";
    private const string ApplicationKey = "app-key-fedcba0987654321";
    private const string ItemJson = """{"id":"a"}""";

    [Fact]
    public async Task GeneratedStyleApiClassesResolveAndCallThroughTheFactoryClient()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ItemJson);
        var services = new ServiceCollection();
        int handled = 0;
        services.AddDatadogClient(c => Aim(c, server))
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref handled)));
        services.AddTransient<ItemsApi>();
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        string id = await provider.GetRequiredService<ItemsApi>().GetItemIdAsync();

        Assert.Equal("a", id);
        Assert.Equal(1, handled);
        Assert.Equal(ApiKey, server.SingleRequest.Headers["DD-API-KEY"]);
        Assert.Equal(ApplicationKey, server.SingleRequest.Headers["DD-APPLICATION-KEY"]);
    }

    [Fact]
    public async Task ConfigurationIsOneSingletonAndApiClientsAreTransient()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ItemJson);
        var services = new ServiceCollection();
        services.AddDatadogClient(c => Aim(c, server));
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        ApiClient first = provider.GetRequiredService<ApiClient>();
        ApiClient second = provider.GetRequiredService<ApiClient>();

        Assert.NotSame(first, second);
        Assert.Same(provider.GetRequiredService<Configuration>(), first.Configuration);
        Assert.Same(first.Configuration, second.Configuration);
        Assert.Equal(server.BaseAddress, first.Configuration.BaseAddress);
    }

    [Fact]
    public async Task ConfigureDelegatesOfSeveralCallsAreAppliedInOrder()
    {
        var services = new ServiceCollection();
        services.AddDatadogClient(c => { c.EnableRetry = true; c.MaxRetries = 1; });
        services.AddDatadogClient(c => c.MaxRetries = 5);
        await using ServiceProvider provider = services.BuildServiceProvider();

        Configuration configuration = provider.GetRequiredService<Configuration>();

        Assert.True(configuration.EnableRetry);
        Assert.Equal(5, configuration.MaxRetries);
    }

    [Fact]
    public async Task LogLinesGoToILoggerAndNoLoggerSeesAKey()
    {
        int requests = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref requests) == 1 ? 503 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ItemJson);
        });
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddDatadogClient(c =>
        {
            Aim(c, server);
            c.EnableRetry = true;
            c.BackoffBase = 0.01;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await new ItemsApi(provider.GetRequiredService<ApiClient>()).GetItemIdAsync();

        Assert.Contains(("DatadogGen.ApiClient", LogLevel.Information, "v2.GetItem: 503 Service Unavailable; retry 1 of 3 in 0.01 s."), logs.Lines);
        // Structured: the event id and name, and the fields by name, with the template as {OriginalFormat}.
        var retry = Assert.Single(logs.Events, e => e.Category == "DatadogGen.ApiClient" && e.EventId.Id == ApiLogEvents.RetryScheduled);
        Assert.Equal("RetryScheduled", retry.EventId.Name);
        var fields = retry.Fields!.ToDictionary(field => field.Key, field => field.Value);
        Assert.Equal("v2.GetItem", fields["Operation"]);
        Assert.Equal("503 Service Unavailable", fields["Outcome"]);
        Assert.Equal(1, fields["Retry"]);
        Assert.Equal("{Operation}: {Outcome}; retry {Retry} of {MaxRetries} in {Delay}.", fields["{OriginalFormat}"]);
        Assert.Contains(logs.Lines, l => l.Category == "DatadogGen.ApiClient" && l.Level == LogLevel.Debug);
        // The factory's own handlers log request headers at Trace: they must be redacted too.
        Assert.Contains(logs.Lines, l => l.Category.StartsWith("System.Net.Http.HttpClient.DatadogGen", StringComparison.Ordinal)
                                         && l.Message.Contains("DD-API-KEY: *", StringComparison.Ordinal));
        Assert.All(logs.Lines, l =>
        {
            Assert.DoesNotContain(ApiKey, l.Message);
            Assert.DoesNotContain(ApplicationKey, l.Message);
        });
    }

    [Fact]
    public async Task AnApplicationsOwnLogHookIsKept()
    {
        var logs = new CapturingLoggerProvider();
        Action<ApiLogLevel, string> own = (_, _) => { };
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs));
        services.AddDatadogClient(c => c.Log = own);
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<Configuration>().Log);
    }

    [Fact]
    public async Task FactoryClientFollowsNoRedirectAndLeavesTheTimeoutToConfiguration()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddDatadogClient(c => Aim(c, server));
        await using ServiceProvider provider = services.BuildServiceProvider();

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => new ItemsApi(provider.GetRequiredService<ApiClient>()).GetItemIdAsync());

        Assert.Equal(302, ex.StatusCode);
        Assert.Single(server.Requests);
        HttpClient httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(DatadogServiceCollectionExtensions.HttpClientName);
        Assert.Equal(Timeout.InfiniteTimeSpan, httpClient.Timeout);
    }

    [Fact]
    public async Task ConfigurationTimeoutGovernsFactoryClients()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }
        });
        var services = new ServiceCollection();
        services.AddDatadogClient(c =>
        {
            Aim(c, server);
            c.Timeout = TimeSpan.FromMilliseconds(200);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        ApiTimeoutException ex = await Assert.ThrowsAsync<ApiTimeoutException>(
            () => new ItemsApi(provider.GetRequiredService<ApiClient>()).GetItemIdAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("v2.GetItem", ex.OperationName);
    }

    [Fact]
    public async Task GzipIsDecodedOnceThroughTheFactoryHandler()
    {
        byte[] gzipped = Gzip(ItemJson);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(gzipped);
        });
        var services = new ServiceCollection();
        services.AddDatadogClient(c => Aim(c, server));
        await using ServiceProvider provider = services.BuildServiceProvider();

        string id = await new ItemsApi(provider.GetRequiredService<ApiClient>()).GetItemIdAsync();

        Assert.Equal("a", id);
        Assert.Equal("gzip, deflate", server.SingleRequest.Headers["Accept-Encoding"]);
    }

    private static void Aim(Configuration configuration, LoopbackServer server)
    {
        configuration.BaseAddress = server.BaseAddress;
        configuration.ApiKey = ApiKey;
        configuration.ApplicationKey = ApplicationKey;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
