using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>Request bodies in each content type the spec uses: JSON, text/plain, multipart/form-data, octet-stream.</summary>
public class BodyTests
{
    private static readonly byte[] EveryByte = [.. Enumerable.Range(0, 256).Select(i => (byte)i), 0xEF, 0xBB, 0xBF, 0x0D, 0x0A];

    [Fact]
    public async Task JsonBodyIsSentAsJsonUnderTheNameTheExtensionGives()
    {
        await using var server = await LoopbackServer.StartAsync(201, """{"data":{"id":"w-1","name":"gauge"}}""");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var created = await new BodiesApi(apiClient).CreateWidgetAsync(widget: new Widget { Name = "gauge" });

        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v2/constructs/widgets", request.RawTarget);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        Assert.Equal("""{"name":"gauge"}""", BodyText(request));
        Assert.Equal("w-1", created.Data!.Id);
        // x-codegen-request-body-name: widget
        Assert.Equal("widget", typeof(BodiesApi).GetMethod(nameof(BodiesApi.CreateWidgetAsync))!.GetParameters()[0].Name);
    }

    /// <summary>v1's intake declares text/json: the body is the model, sent with that media type, and so is the result.</summary>
    [Fact]
    public async Task TextJsonBodyAndResponseAreJsonModels()
    {
        await using var server = await LoopbackServer.StartAsync(202, """{"data":{"id":"w-2"}}""", ("Content-Type", "text/json"));
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        WidgetResponse accepted = await new BodiesApi(apiClient).SubmitWidgetIntakeAsync(new Widget { Name = "gauge" });

        var request = server.SingleRequest;
        Assert.Equal("text/json", request.Headers["Content-Type"].Split(';')[0]);
        Assert.Equal("""{"name":"gauge"}""", BodyText(request));
        Assert.Contains("text/json", request.Headers["Accept"]);
        Assert.Equal("w-2", accepted.Data!.Id);
    }

    [Fact]
    public async Task PlusJsonResponseWithParametersIsAJsonModel()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"data":{"id":"w-3"}}""", ("Content-Type", "application/vnd.api+json; charset=utf-8"));
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        WidgetResponse widget = await new BodiesApi(apiClient).GetWidgetVndAsync();

        Assert.Equal("w-3", widget.Data!.Id);
    }

    /// <summary><c>application/json: {}</c>: the optional body is a JsonElement?, written as it is (it was CS0411).</summary>
    [Fact]
    public async Task SchemalessJsonBodyIsSentAsTheRawJsonGivenAndTheResponseReadAsJsonElement()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"echo":[1,"two",null]}""");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        using var body = System.Text.Json.JsonDocument.Parse("""{"any":{"shape":[true,2.5,"x"]}}""");

        var answer = await new BodiesApi(apiClient).SendRawJsonAsync(body.RootElement);

        var request = server.SingleRequest;
        Assert.Equal("PUT", request.Method);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        Assert.Equal("""{"any":{"shape":[true,2.5,"x"]}}""", BodyText(request));
        Assert.Equal("two", answer.GetProperty("echo")[1].GetString());
    }

    [Fact]
    public async Task SchemalessJsonBodyThatIsNotGivenSendsNoBody()
    {
        await using var server = await LoopbackServer.StartAsync(200, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new BodiesApi(apiClient).SendRawJsonAsync();

        var request = server.SingleRequest;
        Assert.Empty(request.Body);
        Assert.False(request.Headers.ContainsKey("Content-Type"));
    }

    [Fact]
    public async Task TextPlainBodyIsSentAsUtf8Text()
    {
        await using var server = await LoopbackServer.StartAsync(202, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        const string note = "2019-11-19T14:37:58,995 INFO [process.name][20081] Hello\nWorld \u00e9\u2603 {\"not\":\"json\"}";

        var accepted = await new BodiesApi(apiClient).SubmitNoteAsync(note);

        var request = server.SingleRequest;
        Assert.Equal("text/plain; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(Encoding.UTF8.GetBytes(note), request.Body);
        Assert.Empty(accepted);
    }

    [Fact]
    public async Task MultipartFormSendsTheStreamAsAFilePartAndTheStringAsAField()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"size":261}""");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        var result = await new BodiesApi(apiClient).UploadFileAsync(new MemoryStream(EveryByte), description: "r\u00e9sum\u00e9 of the file");

        var request = server.SingleRequest;
        Assert.Equal("PUT", request.Method);
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"]);
        var form = await ReadFormAsync(request);
        var file = Assert.Single(form.Files);
        Assert.Equal("file", file.Name);
        Assert.False(string.IsNullOrEmpty(file.FileName));
        using (var received = new MemoryStream())
        {
            await file.CopyToAsync(received);
            Assert.Equal(EveryByte, received.ToArray());
        }

        Assert.Equal(["description"], form.Keys);
        Assert.Equal("r\u00e9sum\u00e9 of the file", form["description"].ToString());
        Assert.Equal(261, result.Size);
    }

    [Fact]
    public async Task MultipartFormLeavesOutAnOptionalFieldThatIsNull()
    {
        await using var server = await LoopbackServer.StartAsync(200, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));

        await new BodiesApi(apiClient).UploadFileAsync(new MemoryStream([1, 2, 3]));

        var form = await ReadFormAsync(server.SingleRequest);
        Assert.Empty(form.Keys);
        Assert.Equal("file", Assert.Single(form.Files).Name);
        Assert.Equal(3, form.Files[0].Length);
    }

    [Fact]
    public async Task MultipartFileStreamStaysOpenForTheCaller()
    {
        // The caller owns the stream (as with UploadBlob's octet-stream body): reading it must not dispose it.
        await using var server = await LoopbackServer.StartAsync(200, "{}");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        using var file = new MemoryStream([1, 2, 3]);

        await new BodiesApi(apiClient).UploadFileAsync(file);

        Assert.True(file.CanRead, "UploadFileAsync disposed the caller's stream");
        file.Position = 0;
        Assert.Equal(1, file.ReadByte());
    }

    [Fact]
    public async Task OctetStreamBodySendsTheBytesAsTheyAre()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        using var blob = new MemoryStream(EveryByte);

        await new BodiesApi(apiClient).UploadBlobAsync(blob);

        var request = server.SingleRequest;
        Assert.Equal("application/octet-stream", request.Headers["Content-Type"]);
        Assert.Equal(EveryByte, request.Body);
        Assert.True(blob.CanRead);
    }

    [Fact]
    public async Task RequiredBodiesAreCheckedBeforeAnyRequest()
    {
        await using var server = await LoopbackServer.StartAsync(204, "");
        using var apiClient = new ApiClient(LoopbackConfiguration(server));
        var api = new BodiesApi(apiClient);

        await Assert.ThrowsAsync<ArgumentNullException>(() => api.CreateWidgetAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => api.SubmitNoteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => api.UploadFileAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => api.UploadBlobAsync(null!));
        Assert.Empty(server.Requests);
    }
}
