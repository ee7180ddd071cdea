using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

using DatadogGen.Testing;

namespace DatadogGen.Runtime.Tests;

/// <summary>How answers of a real server become results or <see cref="ApiException"/>.</summary>
public sealed class ApiClientResponseTests
{
    private const string ApiKey = "api-key-1234567890abcdef";
    private const string ApplicationKey = "app-key-fedcba0987654321";

    [Fact]
    public async Task CreatedWithJsonBecomesApiResponse()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"id":"abc","extra":[1,2]}""",
            ("X-RateLimit-Remaining", "42"));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiResponse<Item> response = await client.SendAsync(Request(), TestModels.ReadItemResponse, TestModels.ReadError, CancellationToken.None);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(new Item("abc"), response.Data);
        Assert.Equal(["42"], response.Headers["x-ratelimit-remaining"]);
        Assert.Equal(["application/json"], response.Headers["CONTENT-TYPE"]);
    }

    [Fact]
    public async Task BadRequestBecomesApiExceptionWithStatusHeadersBodyAndError()
    {
        const string body = """{"errors":["Invalid title"]}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync(400, body, ("X-Request-Id", "r-1"));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress, ApiKey, ApplicationKey));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Request(), TestModels.ReadItemResponse, TestModels.ReadError, CancellationToken.None));

        Assert.Equal("v2.CreateIncidentPostmortemAttachment", ex.OperationName);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(["r-1"], ex.Headers["x-request-id"]);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Equal(new TestError("Invalid title"), ex.Error);
        Assert.Equal(new TestError("Invalid title"), ex.GetError<TestError>());
        Assert.Null(ex.GetError<Item>());
        Assert.Equal($"v2.CreateIncidentPostmortemAttachment failed: 400 Bad Request. {body}", ex.Message);
        AssertNoKeys(ex);
    }

    [Fact]
    public async Task ErrorReaderFailureLeavesErrorNull()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(500, "<html>oops</html>");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Request(), TestModels.ReadItemResponse, TestModels.ReadError, CancellationToken.None));

        Assert.Equal(500, ex.StatusCode);
        Assert.Null(ex.Error);
        Assert.Equal("<html>oops</html>", ex.ResponseBody);
        Assert.Contains("500 Internal Server Error", ex.Message);
    }

    [Fact]
    public async Task LongErrorBodyIsShortenedInTheMessageOnly()
    {
        string body = new('x', 5000);
        await using LoopbackServer server = await LoopbackServer.StartAsync(503, body);
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Request(), TestModels.ReadItemResponse, null, CancellationToken.None));

        Assert.Equal(body, ex.ResponseBody);
        Assert.InRange(ex.Message.Length, 200, 300);
    }

    [Theory]
    [InlineData("""{"id":""", "")]
    [InlineData("", "The response body is empty")]
    [InlineData("<html><body>Bad gateway</body></html>", "<html><body>Bad gateway")]
    [InlineData("""{"id":"a"} {"id":"b"}""", "after the end of the JSON value")]
    [InlineData("""{"other":1}""", "Missing required property 'id'")]
    public async Task UnreadableSuccessBodyBecomesApiException(string body, string expectedInMessage)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, body, ("X-Request-Id", "r-2"));
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress, ApiKey, ApplicationKey));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Request(), TestModels.ReadItemResponse, TestModels.ReadError, CancellationToken.None));

        Assert.Equal(200, ex.StatusCode);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Equal(["r-2"], ex.Headers["X-REQUEST-ID"]);
        Assert.StartsWith("v2.CreateIncidentPostmortemAttachment returned 200 OK, but the response body could not be read as JSON: ", ex.Message);
        Assert.Contains(expectedInMessage, ex.Message);
        AssertNoKeys(ex);
    }

    [Fact]
    public async Task AnyExceptionFromTheResponseReaderBecomesApiException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"a"}""");
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        ResponseReader<Item> buggyReader = (_, _) => throw new NullReferenceException("bug in reader");

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => client.SendAsync(Request(), buggyReader, null, CancellationToken.None));

        Assert.IsType<NullReferenceException>(ex.InnerException);
        Assert.Contains("bug in reader", ex.Message);
    }

    // Bodies are read into pooled arrays: with a Content-Length they are sized once, without one (chunked) they
    // grow from 4 KB. Every byte must arrive, in order, and each call must see its own body.
    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 100_000)]
    [InlineData(false, 4096)]
    [InlineData(false, 100_000)]
    public async Task BodiesOfAnySizeArriveWhole(bool declareLength, int length)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            string text = context.Request.Headers["X-Fill"].ToString();
            string body = new(text[0], length);
            context.Response.StatusCode = 200;
            if (declareLength)
            {
                context.Response.ContentLength = length;
            }

            await context.Response.WriteAsync(body);
        });
        using var client = new ApiClient(TestConfiguration.For(server.BaseAddress));
        ResponseReader<string> readText = (_, body) => System.Text.Encoding.UTF8.GetString(body);

        string[] fills = ["a", "b", "c"];
        string[] bodies = await Task.WhenAll(fills.Select(async fill =>
        {
            ApiRequest request = Request();
            request.AddHeader("X-Fill", fill);
            return (await client.SendAsync(request, readText, null, CancellationToken.None)).Data;
        }));

        for (int i = 0; i < fills.Length; i++)
        {
            Assert.Equal(new string(fills[i][0], length), bodies[i]);
        }
    }

    private static ApiRequest Request() =>
        new("v2.CreateIncidentPostmortemAttachment", HttpMethod.Post, "/api/v2/incidents/1/attachments/postmortems");

    private static void AssertNoKeys(Exception ex)
    {
        Assert.DoesNotContain(ApiKey, ex.ToString());
        Assert.DoesNotContain(ApplicationKey, ex.ToString());
    }
}
