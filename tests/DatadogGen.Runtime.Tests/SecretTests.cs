using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>
/// Runs every kind of failure with all three credentials set, against servers that echo them back, and checks
/// that no log line, exception message or ToString() holds one.
/// </summary>
public sealed class SecretTests
{
    private const string ApiKey = "api-key-1234567890abcdef";
    private const string ApplicationKey = "app-key-fedcba0987654321";
    private const string AccessToken = "oauth-token-0a1b2c3d4e5f";
    private const string Operation = "v2.SecretTestUnstableOperation";

    static SecretTests() => Configuration.RegisterUnstableOperations(Operation);

    [Fact]
    public async Task NoKeyInLogsExceptionsOrToString()
    {
        var texts = new List<string>();
        var log = new LogCapture();

        // A server that echoes the credentials it received in the reason phrase and the body.
        Func<HttpContext, Task> echo = async context =>
        {
            string received = $"{context.Request.Headers["DD-API-KEY"]} {context.Request.Headers["DD-APPLICATION-KEY"]} {context.Request.Headers.Authorization}";
            await WithReason(403, "Forbidden " + context.Request.Headers["DD-APPLICATION-KEY"], $$"""{"errors":["bad keys: {{received}}"]}""")(context);
        };
        Func<HttpContext, Task>[] scenarios =
        [
            Ok(), echo, Status(500), Hang(), Abort(), AbortMidBody(ItemJson), Status(200, "<html>login</html>"),
            Encoded("gzip", [1, 2, 3]), Status(429, """{"errors":["x"]}""", ("X-RateLimit-Reset", "99999")),
        ];
        foreach (Func<HttpContext, Task> scenario in scenarios)
        {
            await using LoopbackServer server = await Script(scenario);
            Configuration configuration = Secured(server.BaseAddress, log);
            using var client = new ApiClient(configuration);
            texts.Add(configuration.ToString());
            texts.Add(await Capture(() => Send(client)));
        }

        // No server at all, plain http to a remote host, and unstable operations.
        Configuration refused = Secured(new Uri("http://127.0.0.1:1/"), log);
        using (var client = new ApiClient(refused))
        {
            texts.Add(await Capture(() => Send(client)));
        }

        Configuration remote = Secured(new Uri("http://datadog.example/"), log);
        using (var client = new ApiClient(remote))
        {
            texts.Add(await Capture(() => Send(client)));
        }

        texts.Add(await Capture(() => Task.Run(() => remote.ThrowIfUnstableOperationDisabled(Operation))));
        remote.SetUnstableOperationEnabled(Operation, true);
        remote.ThrowIfUnstableOperationDisabled(Operation);
        texts.AddRange(log.Lines.Select(l => l.Message));

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(ApiKey, text);
            Assert.DoesNotContain(ApplicationKey, text);
            Assert.DoesNotContain(AccessToken, text);
        });
        // The echo really reached the messages, masked: the check above is not vacuous.
        Assert.Contains(texts, text => text.Contains("bad keys: *** *** Bearer ***", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("403 Forbidden ***", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Message.Contains("403 Forbidden ***", StringComparison.Ordinal));
        Assert.True(log.Lines.Count > 20, $"only {log.Lines.Count} log lines");
    }

    [Fact]
    public void RedactionSkipsValuesTooShortToBeKeys()
    {
        var log = new LogCapture();
        // "Cal" occurs in the notice ("Calling ..."); a three-letter value is no key, so it stays readable.
        var configuration = new Configuration { ApiKey = "Cal", ApplicationKey = null };
        log.Attach(configuration);
        configuration.SetUnstableOperationEnabled(Operation, true);

        configuration.ThrowIfUnstableOperationDisabled(Operation);

        Assert.StartsWith("Calling unstable operation", Assert.Single(log.Lines).Message, StringComparison.Ordinal);
    }

    private static Configuration Secured(Uri baseAddress, LogCapture log)
    {
        Configuration configuration = TestConfiguration.Retrying(baseAddress, maxRetries: 1);
        configuration.ApiKey = ApiKey;
        configuration.ApplicationKey = ApplicationKey;
        configuration.AccessToken = AccessToken;
        configuration.Timeout = TimeSpan.FromMilliseconds(200);
        log.Attach(configuration);
        return configuration;
    }

    // The message and ToString() of whatever the call throws; a call that succeeds has nothing to show.
    private static async Task<string> Capture(Func<Task> call)
    {
        try
        {
            await WithinHangGuard(call());
            return "";
        }
        catch (Exception ex)
        {
            return ex.Message + "\n" + ex;
        }
    }

    private static Task<ApiResponse<Item>> Send(ApiClient client)
    {
        var request = new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1")
        {
            Credentials = ApiCredentials.ApiKey | ApiCredentials.ApplicationKey | ApiCredentials.AccessToken,
        };
        return client.SendAsync(request, TestModels.ReadItemResponse, TestModels.ReadError, CancellationToken.None);
    }
}
