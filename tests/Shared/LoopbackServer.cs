using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DatadogGen.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and an OS-chosen port. Every request is recorded (raw target included)
/// before <c>respond</c> writes the answer, so tests can assert on exactly what went over the wire.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests;

    private LoopbackServer(WebApplication app, ConcurrentQueue<ReceivedRequest> requests, Uri baseAddress)
    {
        _app = app;
        _requests = requests;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>The only request received; fails the test when there was not exactly one.</summary>
    public ReceivedRequest SingleRequest => Xunit.Assert.Single(Requests);

    /// <summary>Starts a server that answers every request with <paramref name="respond"/>.</summary>
    /// <param name="respond">Writes the answer.</param>
    /// <param name="certificate">When given, the server speaks HTTPS with this certificate.</param>
    public static async Task<LoopbackServer> StartAsync(
        Func<HttpContext, Task> respond, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        WebApplication app = builder.Build();

        var requests = new ConcurrentQueue<ReceivedRequest>();
        app.Run(async context =>
        {
            requests.Enqueue(await CaptureAsync(context.Request));
            await respond(context);
        });

        await app.StartAsync();
        // Kestrel reports the port it actually bound only through this feature.
        string address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, requests, new Uri(address + "/"));
    }

    /// <summary>Starts a server that answers every request with one status, JSON body and extra headers.</summary>
    public static Task<LoopbackServer> StartAsync(int status, string body, params (string Name, string Value)[] headers) =>
        StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            foreach ((string name, string value) in headers)
            {
                context.Response.Headers.Append(name, value);
            }

            if (body.Length > 0)
            {
                context.Response.ContentType ??= "application/json";
                await context.Response.WriteAsync(body);
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<ReceivedRequest> CaptureAsync(HttpRequest request)
    {
        string rawTarget = request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return new ReceivedRequest(request.Method, rawTarget, headers, query, body.ToArray());
    }
}
