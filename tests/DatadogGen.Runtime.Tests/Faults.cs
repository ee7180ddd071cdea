using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

using DatadogGen.Testing;

namespace DatadogGen.Runtime.Tests;

/// <summary>Server behaviours for fault-injection tests, and a server that plays them in order.</summary>
internal static class Faults
{
    public const string ItemJson = """{"id":"a"}""";

    /// <summary>
    /// A server whose n-th request (from 0) gets <c>steps[n]</c>; requests past the end get the last step.
    /// </summary>
    public static Task<LoopbackServer> Script(params Func<HttpContext, Task>[] steps)
    {
        int count = -1;
        return LoopbackServer.StartAsync(context =>
        {
            int index = Interlocked.Increment(ref count);
            return steps[Math.Min(index, steps.Length - 1)](context);
        });
    }

    public static Func<HttpContext, Task> Status(int status, string body = "", params (string Name, string Value)[] headers) =>
        async context =>
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
        };

    public static Func<HttpContext, Task> Ok(string body = ItemJson) => Status(200, body);

    /// <summary>Closes the connection without any response.</summary>
    public static Func<HttpContext, Task> Abort() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>
    /// Sends the status, headers and half of the announced body, then drops the connection: once
    /// <paramref name="clientHasHeaders"/> completes when given, since the reset would otherwise discard data
    /// the client has not read yet and the client would see no response at all.
    /// </summary>
    public static Func<HttpContext, Task> AbortMidBody(string body, Task? clientHasHeaders = null) => async context =>
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await context.Response.Body.FlushAsync();
        if (clientHasHeaders is not null)
        {
            await clientHasHeaders.WaitAsync(TimeSpan.FromSeconds(10));
        }

        context.Abort();
    };

    /// <summary>
    /// Never answers: waits until the client goes away, so a test does not depend on how long a response takes.
    /// <paramref name="received"/> is set when the request arrives.
    /// </summary>
    public static Func<HttpContext, Task> Hang(TaskCompletionSource? received = null) => async context =>
    {
        received?.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, which is what the test waits for.
        }
    };

    /// <summary>Sends headers and the first bytes of the body, then never finishes it.</summary>
    public static Func<HttpContext, Task> HangMidBody() => async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":""");
        await context.Response.Body.FlushAsync();
        await Hang()(context);
    };

    /// <summary>A 2xx whose body is compressed by the server itself, as a proxy might send it.</summary>
    public static Func<HttpContext, Task> Encoded(string encoding, byte[] body) => async context =>
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.ContentEncoding = encoding;
        await context.Response.Body.WriteAsync(body);
    };

    /// <summary>Sets the reason phrase, which Kestrel otherwise derives from the status.</summary>
    public static Func<HttpContext, Task> WithReason(int status, string reason, string body) => async context =>
    {
        context.Response.StatusCode = status;
        context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = reason;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    };

    public static byte[] Compress(string encoding, string text)
    {
        using var output = new MemoryStream();
        using (Stream encoder = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            encoder.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>Fails a test that would otherwise hang; never a timing assertion.</summary>
    public static async Task<T> WithinHangGuard<T>(Task<T> task) => await task.WaitAsync(TimeSpan.FromSeconds(10));

    public static async Task WithinHangGuard(Task task) => await task.WaitAsync(TimeSpan.FromSeconds(10));
}
