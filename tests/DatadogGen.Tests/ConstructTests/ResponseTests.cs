using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Microsoft.AspNetCore.Http;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>Responses of every kind: JSON, text, binary, no content, and declared, range and default errors.</summary>
public class ResponseTests
{
    [Fact]
    public async Task JsonResponseBecomesTheModel()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"data":{"id":"w/1","name":"gauge","since":"2024"}}""");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var response = await new ResponsesApi(apiClient).GetWidgetAsync("w/1");

        Assert.Equal("/api/v2/constructs/widgets/w%2F1", server.SingleRequest.RawTarget);
        Assert.Equal("w/1", response.Data!.Id);
        Assert.Equal("gauge", response.Data.Name);
        Assert.Equal("2024", response.Data.AdditionalProperties["since"].GetString());
    }

    [Fact]
    public async Task YamlResponseIsReturnedAsText()
    {
        const string yaml = "openapi: 3.0.0\ninfo:\n  title: caf\u00e9 \u2603\n";
        await using var server = await LoopbackServer.StartAsync(context => WriteAsync(context, "application/yaml", Encoding.UTF8.GetBytes(yaml)));
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        Assert.Equal(yaml, await new ResponsesApi(apiClient).ExportYamlAsync());
    }

    [Fact]
    public async Task CsvResponseIsReturnedAsText()
    {
        const string csv = "org,cost\r\n\"a,b\",1.5\r\n";
        await using var server = await LoopbackServer.StartAsync(context => WriteAsync(context, "text/csv", Encoding.UTF8.GetBytes(csv)));
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var response = await new ResponsesApi(apiClient).ExportCsvWithHttpInfoAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(csv, response.Data);
    }

    [Fact]
    public async Task ZipResponseIsReturnedAsBytes()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x80, 0xC3, 0x28, 0x0D, 0x0A];
        await using var server = await LoopbackServer.StartAsync(context => WriteAsync(context, "application/zip", zip));
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        Assert.Equal(zip, await new ResponsesApi(apiClient).DownloadArchiveAsync());
    }

    [Fact]
    public async Task NoContentResponseCompletesTheTask()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var api = new ResponsesApi(apiClient);

        Task call = api.DeleteWidgetAsync("w-1");
        await call;
        var response = await api.DeleteWidgetWithHttpInfoAsync("w-2");

        Assert.Equal(typeof(Task), typeof(ResponsesApi).GetMethod(nameof(ResponsesApi.DeleteWidgetAsync))!.ReturnType);
        Assert.Equal(204, response.StatusCode);
        Assert.Null(response.Data);
        Assert.Equal(["DELETE", "DELETE"], server.Requests.Select(r => r.Method));
        Assert.Equal("/api/v2/constructs/widgets/w-2", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task DeclaredErrorStatusParsesToItsModel()
    {
        await using var server = await LoopbackServer.StartAsync(404, """{"code":"widget_missing","errors":["No widget w-1"]}""");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<ApiException>(() => new ResponsesApi(apiClient).GetWidgetAsync("w-1"));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal("v2.GetWidget", exception.OperationName);
        var error = exception.GetError<NotFoundError>()!;
        Assert.Equal("widget_missing", error.Code);
        Assert.Equal(["No widget w-1"], error.Errors);
        Assert.Contains("widget_missing", exception.ResponseBody);
    }

    [Fact]
    public async Task StatusCoveredOnlyBy4XXParsesToTheRangeModel()
    {
        await using var server = await LoopbackServer.StartAsync(409, """{"errors":[{"status":"409","title":"Conflict","detail":"already exists"}]}""");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<ApiException>(() => new ResponsesApi(apiClient).GetWidgetAsync("w-1"));

        Assert.Equal(409, exception.StatusCode);
        Assert.Null(exception.GetError<NotFoundError>());
        var error = Assert.Single(exception.GetError<JSONAPIErrorResponse>()!.Errors);
        Assert.Equal("already exists", error.Detail);
        Assert.Equal("Conflict", error.Title);
    }

    [Fact]
    public async Task StatusCoveredOnlyByDefaultParsesToTheDefaultModel()
    {
        await using var server = await LoopbackServer.StartAsync(503, """{"message":"try later","trace_id":"abc"}""");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<ApiException>(() => new ResponsesApi(apiClient).GetWidgetAsync("w-1"));

        Assert.Equal(503, exception.StatusCode);
        var error = exception.GetError<ServerError>()!;
        Assert.Equal("try later", error.Message);
        Assert.Equal("abc", error.TraceId);
    }

    [Fact]
    public async Task ErrorBodyThatFitsNoModelStaysText()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            WriteAsync(context, "text/html", Encoding.UTF8.GetBytes("<html>bad gateway</html>"), status: 502));
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<ApiException>(() => new ResponsesApi(apiClient).GetWidgetAsync("w-1"));

        Assert.Equal(502, exception.StatusCode);
        Assert.Null(exception.Error);
        Assert.Equal("<html>bad gateway</html>", exception.ResponseBody);
    }

    [Theory]
    [InlineData("zip", "application/zip")]
    [InlineData("yaml", "application/yaml")]
    [InlineData("csv", "text/csv")]
    public async Task NonJsonResponseIsRequestedWithItsMediaTypeInAccept(string operation, string mediaType)
    {
        // Datadog's own clients send e.g. "Accept: application/zip, application/json" for DownloadCSMThreatsPolicy;
        // a server that negotiates content must not be told that only JSON is acceptable.
        await using var server = await LoopbackServer.StartAsync(context => WriteAsync(context, mediaType, [0x50, 0x4B]));
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var api = new ResponsesApi(apiClient);

        Task call = operation switch
        {
            "zip" => api.DownloadArchiveAsync(),
            "yaml" => api.ExportYamlAsync(),
            _ => api.ExportCsvAsync(),
        };
        await call;

        string accept = server.SingleRequest.Headers["Accept"];
        var mediaRanges = accept.Split(',').Select(part => part.Split(';')[0].Trim()).ToList();
        Assert.True(mediaRanges.Contains(mediaType) || mediaRanges.Contains("*/*"), $"Accept: {accept}");
    }

    private static async Task WriteAsync(HttpContext context, string contentType, byte[] body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body);
    }
}
