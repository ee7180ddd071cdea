using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>
/// Keys go over plain http only to loopback, unless AllowInsecureHttp says otherwise. The HttpClient connects
/// every host name to the loopback server, so a "remote" host is really tested end to end without a network.
/// </summary>
public sealed class TransportSecurityTests
{
    private const string ApiKey = "api-key-1234567890abcdef";

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("http://LOCALHOST")]
    [InlineData("http://127.0.0.1")]
    [InlineData("http://127.10.20.30")]
    [InlineData("http://[::1]")]
    [InlineData("http://[::ffff:127.0.0.1]")]
    public async Task PlainHttpToLoopbackIsAllowed(string host)
    {
        await using LoopbackServer server = await Script(Ok());
        using HttpClient httpClient = ConnectingTo(server);
        using var client = new ApiClient(TestConfiguration.For(new Uri($"{host}:{server.BaseAddress.Port}/"), ApiKey), httpClient);

        await Send(client);

        Assert.Equal(ApiKey, server.SingleRequest.Headers["DD-API-KEY"]);
    }

    [Theory]
    [InlineData("http://datadog.example")]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://[2001:db8::1]")]
    public async Task PlainHttpElsewhereFailsBeforeAnyIo(string host)
    {
        await using LoopbackServer server = await Script(Ok());
        using HttpClient httpClient = ConnectingTo(server);
        using var client = new ApiClient(TestConfiguration.For(new Uri($"{host}:{server.BaseAddress.Port}/"), ApiKey), httpClient);

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Send(client));

        Assert.StartsWith("v2.GetItem: refusing to send a request over plain http to ", ex.Message);
        Assert.Contains("AllowInsecureHttp", ex.Message);
        Assert.DoesNotContain(ApiKey, ex.ToString());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AllowInsecureHttpOptsIn()
    {
        await using LoopbackServer server = await Script(Ok());
        using HttpClient httpClient = ConnectingTo(server);
        // The order of the initializer does not matter: the check runs when a call starts.
        var configuration = new Configuration
        {
            BaseAddress = new Uri($"http://datadog-proxy.internal:{server.BaseAddress.Port}/"),
            ApiKey = ApiKey,
            ApplicationKey = null,
            AllowInsecureHttp = true,
        };
        using var client = new ApiClient(configuration, httpClient);

        await Send(client);

        Assert.Equal(ApiKey, server.SingleRequest.Headers["DD-API-KEY"]);
        Assert.StartsWith("datadog-proxy.internal:", server.SingleRequest.Headers["Host"]);
    }

    [Fact]
    public async Task HttpsIsNeverRefused()
    {
        using var client = new ApiClient(TestConfiguration.For(new Uri("https://127.0.0.1:1/")));

        // Nothing listens on port 1: the call gets as far as the network, i.e. past the check.
        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(0, ex.StatusCode);
    }

    // Whatever host the URI names, connect to the loopback server.
    private static HttpClient ConnectingTo(LoopbackServer server) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.BaseAddress.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });

    private static Task<ApiResponse<Item>> Send(ApiClient client) =>
        client.SendAsync(new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1"), TestModels.ReadItemResponse, null, CancellationToken.None);
}
