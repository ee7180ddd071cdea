using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Constructs;
using Microsoft.AspNetCore.Http;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>What the construct tests share: a configuration aimed at loopback, servers that see their request, JSON.</summary>
internal static class ConstructSupport
{
    public const string ApiKey = "test-api-key";
    public const string ApplicationKey = "test-app-key";

    public static Configuration LoopbackConfiguration(LoopbackServer server) => new()
    {
        Site = "datadoghq.com",
        BaseAddress = server.BaseAddress,
        ApiKey = ApiKey,
        ApplicationKey = ApplicationKey,
    };

    /// <summary>
    /// A loopback server whose handler also gets the request as captured (the body is already read by then),
    /// for servers that answer from what they received: echoes and paging.
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(Func<ReceivedRequest, HttpContext, Task> respond)
    {
        LoopbackServer? server = null;
        server = await LoopbackServer.StartAsync(context => respond(server!.Requests[^1], context));
        return server;
    }

    /// <summary>A server that answers every request with its own body and content type.</summary>
    public static Task<LoopbackServer> StartEchoAsync() =>
        StartAsync(async (request, context) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = request.Headers["Content-Type"];
            await context.Response.Body.WriteAsync(request.Body);
        });

    public static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    public static string BodyText(ReceivedRequest request) => Encoding.UTF8.GetString(request.Body);

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)DatadogJson.Options.GetTypeInfo(typeof(T));

    public static T Read<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>())!;

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Parses a captured multipart/form-data body the way ASP.NET Core parses a real one.</summary>
    public static async Task<IFormCollection> ReadFormAsync(ReceivedRequest request)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = request.Headers["Content-Type"];
        context.Request.Body = new MemoryStream(request.Body);
        context.Request.ContentLength = request.Body.Length;
        return await context.Request.ReadFormAsync();
    }
}

/// <summary>
/// An HttpMessageHandler that records each request and answers with a canned response: only for hosts that
/// cannot be reached from a test (Datadog's intake and On-Call hosts), everything else goes to loopback.
/// </summary>
internal sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.Accepted, string body = "{}") : HttpMessageHandler
{
    private readonly ConcurrentQueue<(Uri Uri, Dictionary<string, string> Headers)> _requests = new();

    public IReadOnlyList<(Uri Uri, Dictionary<string, string> Headers)> Requests => [.. _requests];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue((request.RequestUri!, headers));
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
    }
}
