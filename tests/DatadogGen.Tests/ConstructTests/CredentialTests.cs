using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>Operation-level security: only the credentials an operation accepts go over the wire.</summary>
public class CredentialTests
{
    private const string Token = "oauth-access-token";

    [Fact]
    public async Task DefaultSecuritySendsBothKeysAndNoToken()
    {
        var request = await SendAsync(api => api.CheckDefaultSecurityAsync());

        Assert.Equal(ApiKey, request.Headers["DD-API-KEY"]);
        Assert.Equal(ApplicationKey, request.Headers["DD-APPLICATION-KEY"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task ApiKeyOnlyOperationSendsNoApplicationKey()
    {
        var request = await SendAsync(api => api.CheckApiKeyOnlyAsync());

        Assert.Equal(ApiKey, request.Headers["DD-API-KEY"]);
        Assert.False(request.Headers.ContainsKey("DD-APPLICATION-KEY"));
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task OperationAcceptingAuthZSendsTheAccessTokenAsBearer()
    {
        var request = await SendAsync(api => api.CheckOAuthAsync());

        Assert.Equal("Bearer " + Token, request.Headers["Authorization"]);
        Assert.Equal(ApiKey, request.Headers["DD-API-KEY"]);
        Assert.Equal(ApplicationKey, request.Headers["DD-APPLICATION-KEY"]);
    }

    [Fact]
    public async Task OperationAcceptingAuthZSendsNoAuthorizationWithoutAToken()
    {
        var request = await SendAsync(api => api.CheckOAuthAsync(), accessToken: null);

        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal(ApiKey, request.Headers["DD-API-KEY"]);
    }

    [Fact]
    public async Task AuthZOnlyOperationSendsOnlyTheToken()
    {
        var request = await SendAsync(api => api.CheckOAuthOnlyAsync());

        Assert.Equal("Bearer " + Token, request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("DD-API-KEY"));
        Assert.False(request.Headers.ContainsKey("DD-APPLICATION-KEY"));
    }

    [Fact]
    public async Task IntakeOperationSendsOnlyTheApiKey()
    {
        await using var server = await LoopbackServer.StartAsync(202, "{}");
        var configuration = LoopbackConfiguration(server);
        configuration.AccessToken = Token;
        using var apiClient = new ApiClient(configuration);

        await new HostsApi(apiClient).SubmitIntakeAsync(new Widget { Name = "log" });

        var request = server.SingleRequest;
        Assert.Equal(ApiKey, request.Headers["DD-API-KEY"]);
        Assert.False(request.Headers.ContainsKey("DD-APPLICATION-KEY"));
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task EmptySecuritySendsNoCredentials()
    {
        // security: [] (ValidateCsvBudget in Datadog's spec) means the operation takes no credentials at all.
        var request = await SendAsync(api => api.ValidatePublicAsync());

        Assert.False(request.Headers.ContainsKey("DD-API-KEY"), "DD-API-KEY was sent to a 'security: []' operation");
        Assert.False(request.Headers.ContainsKey("DD-APPLICATION-KEY"), "DD-APPLICATION-KEY was sent to a 'security: []' operation");
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    private static async Task<ReceivedRequest> SendAsync(System.Func<CredentialsApi, Task> call, string? accessToken = Token)
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        var configuration = LoopbackConfiguration(server);
        configuration.AccessToken = accessToken;
        using var apiClient = new ApiClient(configuration);

        await call(new CredentialsApi(apiClient));

        return server.SingleRequest;
    }
}
