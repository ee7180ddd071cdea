using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using DatadogGen.Testing;
using static DatadogGen.Runtime.Tests.Faults;

namespace DatadogGen.Runtime.Tests;

/// <summary>Broken answers become an ApiException that says what happened, never a JsonException or NullReferenceException.</summary>
public sealed class ResponseFaultTests
{
    [Fact]
    public async Task ConnectionDroppedMidBodyKeepsTheStatusAndSaysWhatHappened()
    {
        var signal = new HeadersSignal();
        await using LoopbackServer server = await Script(AbortMidBody("""{"id":"a-rather-long-identifier"}""", signal.Received));
        using var httpClient = new HttpClient(signal);
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress), httpClient);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => WithinHangGuard(Send(client)));

        Assert.Equal(200, ex.StatusCode);
        Assert.Null(ex.ResponseBody);
        Assert.Equal(["application/json"], ex.Headers["Content-Type"]);
        Assert.Contains("v2.GetItem: GET ", ex.Message);
        Assert.Contains("returned 200 OK, but the connection was lost before the whole body arrived.", ex.Message);
        Assert.True(ex.InnerException is HttpRequestException or System.IO.IOException, ex.InnerException?.GetType().Name);
    }

    [Fact]
    public async Task ConnectionClosedWithoutResponseHasStatusZero()
    {
        await using LoopbackServer server = await Script(Abort());
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => WithinHangGuard(Send(client)));

        Assert.Equal(0, ex.StatusCode);
        Assert.Contains("failed before a complete response arrived", ex.Message);
    }

    [Fact]
    public async Task HtmlPageOnSuccessNamesTheContentType()
    {
        await using LoopbackServer server = await Script(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "<html><body>Sign in</body></html>");
        });
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(200, ex.StatusCode);
        Assert.StartsWith(
            "v2.GetItem returned 200 OK with Content-Type 'text/html', but the response body could not be read as JSON: ", ex.Message);
        Assert.EndsWith("Body: <html><body>Sign in</body></html>", ex.Message);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task HtmlErrorPageKeepsStatusAndBody()
    {
        const string page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        await using LoopbackServer server = await Script(async context =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, page);
        });
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client, TestModels.ReadError));

        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.Error);
        Assert.Equal(page, ex.ResponseBody);
        Assert.Equal($"v2.GetItem failed: 502 Bad Gateway. {page}", ex.Message);
    }

    [Theory]
    [InlineData("", "The response body is empty")]
    [InlineData("""{"id":"a""", "")]
    [InlineData("""{"id":""", "")]
    [InlineData("""[{"id":"a"}""", "")]
    public async Task EmptyOrTruncatedJsonOnSuccessBecomesApiException(string body, string expected)
    {
        await using LoopbackServer server = await Script(Status(200, body));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(body, ex.ResponseBody);
        Assert.StartsWith("v2.GetItem returned 200 OK, but the response body could not be read as JSON: ", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task NoContentWithoutBodyIsEmptyEvenWithoutContentType()
    {
        await using LoopbackServer server = await Script(Status(204));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(204, ex.StatusCode);
        Assert.Contains("The response body is empty", ex.Message);
    }

    [Fact]
    public async Task CorruptCompressedBodyIsNotRetriedAndSaysSo()
    {
        await using LoopbackServer server = await Script(Encoded("gzip", [1, 2, 3, 4, 5, 6, 7, 8]));
        using var client = new ApiClient(TestConfiguration.Retrying(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(200, ex.StatusCode);
        Assert.StartsWith("v2.GetItem returned 200 OK, but the response body could not be decompressed: ", ex.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task UnknownContentEncodingIsNamed()
    {
        await using LoopbackServer server = await Script(Encoded("zstd", [1, 2, 3]));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Contains("the Content-Encoding 'zstd' is not supported", ex.Message);
    }

    [Fact]
    public async Task RateLimitHeadersAreTyped()
    {
        await using LoopbackServer server = await Script(Status(429, """{"errors":["slow down"]}""",
            ("X-RateLimit-Limit", "100"), ("X-RateLimit-Period", "60"), ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", "17"), ("X-RateLimit-Name", "incidents")));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(new ApiRateLimit(100, 60, 0, 17, "incidents"), ex.RateLimit);
    }

    [Fact]
    public async Task SuccessExposesRateLimitHeadersAndMissingOnesAreNull()
    {
        await using LoopbackServer server = await Script(Status(200, ItemJson, ("X-RateLimit-Remaining", "41"), ("X-RateLimit-Limit", "many")));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiResponse<Item> response = await Send(client);

        Assert.Equal(new ApiRateLimit(null, null, 41, null, null), response.RateLimit);
    }

    [Fact]
    public async Task NoResponseMeansNoRateLimitValues()
    {
        await using LoopbackServer server = await Script(Abort());
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(client));

        Assert.Equal(new ApiRateLimit(null, null, null, null, null), ex.RateLimit);
    }

    private static Task<ApiResponse<Item>> Send(ApiClient client, ErrorReader? readError = null) =>
        client.SendAsync(new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1"), TestModels.ReadItemResponse, readError, CancellationToken.None);
}
