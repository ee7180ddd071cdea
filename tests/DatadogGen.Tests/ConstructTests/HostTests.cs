using System;
using System.Net.Http;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>
/// Operation-level servers: intake operations go to https://{subdomain}.{site}, On-Call-style ones to their fixed
/// host, and Configuration.BaseAddress overrides both. The real hosts cannot be reached from a test, so those
/// requests go to a recording handler; with BaseAddress set they reach the loopback server.
/// </summary>
public class HostTests
{
    [Theory]
    [InlineData("datadoghq.com", "https://http-intake.logs.datadoghq.com/api/v2/constructs/intake")]
    [InlineData("datadoghq.eu", "https://http-intake.logs.datadoghq.eu/api/v2/constructs/intake")]
    [InlineData("us3.datadoghq.com", "https://http-intake.logs.us3.datadoghq.com/api/v2/constructs/intake")]
    [InlineData("ddog-gov.com", "https://http-intake.logs.ddog-gov.com/api/v2/constructs/intake")]
    public async Task SubdomainOperationGoesToItsIntakeHostOnTheConfiguredSite(string site, string expected)
    {
        var handler = new RecordingHandler();
        using var apiClient = new ApiClient(new Configuration { Site = site, BaseAddress = null, ApiKey = ApiKey }, new HttpClient(handler));

        await new HostsApi(apiClient).SubmitIntakeAsync(new Widget { Name = "log" }, ddtags: "env:prod");

        var (uri, _) = Assert.Single(handler.Requests);
        Assert.Equal(expected + "?ddtags=env%3Aprod", uri.AbsoluteUri);
    }

    [Fact]
    public async Task TextIntakeOperationGoesToTheIntakeHostToo()
    {
        var handler = new RecordingHandler();
        using var apiClient = new ApiClient(new Configuration { Site = "ap1.datadoghq.com", BaseAddress = null, ApiKey = ApiKey }, new HttpClient(handler));

        await new HostsApi(apiClient).SubmitIntakeTextAsync("hello");

        Assert.Equal("https://http-intake.logs.ap1.datadoghq.com/api/v2/constructs/intake/raw", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task OperationWithoutServersGoesToTheApiHost()
    {
        var handler = new RecordingHandler(System.Net.HttpStatusCode.NoContent, "");
        using var apiClient = new ApiClient(new Configuration { Site = "datadoghq.eu", BaseAddress = null, ApiKey = ApiKey }, new HttpClient(handler));

        await new CredentialsApi(apiClient).CheckDefaultSecurityAsync();

        Assert.Equal("https://api.datadoghq.eu/api/v2/constructs/credentials/default", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task WholeHostOperationGoesToTheSpecsDefaultHost()
    {
        var handler = new RecordingHandler(System.Net.HttpStatusCode.NoContent, "");
        using var apiClient = new ApiClient(new Configuration { Site = "datadoghq.com", BaseAddress = null, ApiKey = ApiKey }, new HttpClient(handler));

        await new HostsApi(apiClient).CreatePageAsync(new Widget { Name = "page" });

        Assert.Equal("https://navy.oncall.datadoghq.com/api/v2/constructs/on-call/pages", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task BaseAddressOverridesTheIntakeHost()
    {
        await using var server = await LoopbackServer.StartAsync(202, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var accepted = await new HostsApi(apiClient).SubmitIntakeAsync(new Widget { Name = "log" });

        Assert.Equal("/api/v2/constructs/intake", server.SingleRequest.RawTarget);
        Assert.Equal("""{"name":"log"}""", BodyText(server.SingleRequest));
        Assert.Empty(accepted);
    }

    [Fact]
    public async Task BaseAddressOverridesTheWholeHostServer()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new HostsApi(apiClient).CreatePageAsync(new Widget { Name = "page" });

        Assert.Equal("/api/v2/constructs/on-call/pages", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task BaseAddressWithAPathPrefixKeepsThePrefixForIntakeOperations()
    {
        await using var server = await LoopbackServer.StartAsync(202, "{}");
        var configuration = LoopbackConfiguration(server);
        configuration.BaseAddress = new Uri(server.BaseAddress, "proxy/datadog/");
        using var apiClient = new ApiClient(configuration);

        await new HostsApi(apiClient).SubmitIntakeTextAsync("hello");

        Assert.Equal("/proxy/datadog/api/v2/constructs/intake/raw", server.SingleRequest.RawTarget);
    }
}
