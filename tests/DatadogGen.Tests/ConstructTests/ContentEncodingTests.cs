using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>A Content-Encoding header parameter (SubmitLog's): the body on the wire is compressed to match it.</summary>
public class ContentEncodingTests
{
    private static readonly Widget Log = new() { Id = "log-1", Name = new string('x', 2000) + " caf\u00e9" };
    private static readonly string LogJson = """{"id":"log-1","name":"#"}""".Replace("#", new string('x', 2000) + " caf\\u00E9");

    [Fact]
    public async Task GzipJsonBodyIsSentGzipped()
    {
        var request = await SubmitAsync(ContentEncoding.Gzip);

        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        Assert.Equal([0x1F, 0x8B], request.Body[..2]);
        Assert.True(request.Body.Length < 500, $"{request.Body.Length} bytes: not compressed");
        JsonAssert.Equivalent(LogJson, Decompress(request.Body, stream => new GZipStream(stream, CompressionMode.Decompress)));
    }

    [Fact]
    public async Task DeflateJsonBodyIsSentAsZlib()
    {
        var request = await SubmitAsync(ContentEncoding.Deflate);

        Assert.Equal("deflate", request.Headers["Content-Encoding"]);
        // HTTP's "deflate" is the zlib format (RFC 9110 8.4.1.2): a 0x78 header, then the deflate stream.
        Assert.Equal(0x78, request.Body[0]);
        Assert.True(request.Body.Length < 500, $"{request.Body.Length} bytes: not compressed");
        JsonAssert.Equivalent(LogJson, Decompress(request.Body, stream => new ZLibStream(stream, CompressionMode.Decompress)));
    }

    [Fact]
    public async Task IdentityBodyIsSentAsIs()
    {
        var request = await SubmitAsync(ContentEncoding.Identity);

        Assert.Equal("identity", request.Headers["Content-Encoding"]);
        JsonAssert.Equivalent(LogJson, BodyText(request));
    }

    [Fact]
    public async Task WithoutTheParameterTheBodyIsNotCompressed()
    {
        var request = await SubmitAsync(contentEncoding: null);

        Assert.False(request.Headers.ContainsKey("Content-Encoding"));
        JsonAssert.Equivalent(LogJson, BodyText(request));
    }

    [Fact]
    public async Task GzipTextBodyIsSentGzipped()
    {
        const string text = "2019-11-19T14:37:58,995 INFO [process.name][20081] Hello\n2019-11-19T14:37:58,995 INFO [process.name][20081] World \u2603";
        await using var server = await LoopbackServer.StartAsync(202, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new HostsApi(apiClient).SubmitIntakeTextAsync(text, ContentEncoding.Gzip);

        var request = server.SingleRequest;
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        Assert.Equal("text/plain; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(text, Decompress(request.Body, stream => new GZipStream(stream, CompressionMode.Decompress)));
    }

    [Fact]
    public async Task DeflateTextBodyIsSentAsZlib()
    {
        await using var server = await LoopbackServer.StartAsync(202, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new HostsApi(apiClient).SubmitIntakeTextAsync("plain log line", ContentEncoding.Deflate);

        var request = server.SingleRequest;
        Assert.Equal("deflate", request.Headers["Content-Encoding"]);
        Assert.Equal("plain log line", Decompress(request.Body, stream => new ZLibStream(stream, CompressionMode.Decompress)));
    }

    private static async Task<ReceivedRequest> SubmitAsync(ContentEncoding? contentEncoding)
    {
        await using var server = await LoopbackServer.StartAsync(202, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new HostsApi(apiClient).SubmitIntakeAsync(Log, contentEncoding);

        return server.SingleRequest;
    }

    private static string Decompress(byte[] body, System.Func<Stream, Stream> createDecoder)
    {
        using var decoder = createDecoder(new MemoryStream(body));
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
