using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>Compressed responses decode the same with the client's own HttpClient and with an injected one.</summary>
public sealed class CompressionTests
{
    private const string Json = """{"id":"zipped"}""";

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task OwnHttpClientDecodes(string encoding)
    {
        await using LoopbackServer server = await Script(Encoded(encoding, Compress(encoding, Json)));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("zipped"), response.Data);
        Assert.Equal("gzip, deflate", server.SingleRequest.Headers["Accept-Encoding"]);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task InjectedPlainHttpClientDecodesToo(string encoding)
    {
        await using LoopbackServer server = await Script(Encoded(encoding, Compress(encoding, Json)));
        using var httpClient = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress), httpClient);

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("zipped"), response.Data);
        Assert.Equal("gzip, deflate", server.SingleRequest.Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task InjectedDecompressingHttpClientIsNotDecodedTwice()
    {
        await using LoopbackServer server = await Script(Encoded("gzip", Compress("gzip", Json)));
        using var httpClient = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress), httpClient);

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("zipped"), response.Data);
        Assert.Contains("gzip", server.SingleRequest.Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task StackedEncodingsAreUndoneInReverse()
    {
        // gzip applied first, then br: the client must undo br, then gzip.
        byte[] stacked = BrotliOf(Compress("gzip", Json));
        await using LoopbackServer server = await Script(Encoded("gzip, br", stacked));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("zipped"), response.Data);
    }

    [Fact]
    public async Task CompressFalseSendsNoAcceptEncodingButStillDecodes()
    {
        await using LoopbackServer server = await Script(Encoded("gzip", Compress("gzip", Json)));
        Configuration configuration = TestConfiguration.For(server.BaseAddress);
        configuration.Compress = false;
        using var client = new ApiClient(configuration);

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("zipped"), response.Data);
        Assert.False(server.SingleRequest.Headers.ContainsKey("Accept-Encoding"));
    }

    [Fact]
    public async Task UncompressedResponseIsLeftAlone()
    {
        await using LoopbackServer server = await Script(Status(200, Json, ("Content-Encoding", "identity")));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new Item("zipped"), response.Data);
    }

    private static byte[] BrotliOf(byte[] bytes)
    {
        using var output = new System.IO.MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            brotli.Write(bytes);
        }

        return output.ToArray();
    }

    private static Task<ApiResponse<Item>> Send(ApiClient client) =>
        client.SendAsync(new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1"), TestModels.ReadItemResponse, null, CancellationToken.None);
}
