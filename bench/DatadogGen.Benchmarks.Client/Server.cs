using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.IO.Pipelines;
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

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// The loopback stand-in for Datadog: Kestrel on 127.0.0.1, answering every request with 201 and the reference
/// response after draining the request body. Runs in its own process (<c>server</c> mode) so that the client's
/// allocation numbers are the client's alone.
/// </summary>
internal static class LoopbackServer
{
    public const string ServerAddressVariable = "DATADOGGEN_BENCH_SERVER";

    /// <summary>Starts Kestrel in this process; returns the app and its base address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<HttpRequest, byte[]>? capture = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
        });
        WebApplication app = builder.Build();
        byte[] body = Payloads.CreatedResponseUtf8;
        app.Run(async context =>
        {
            PipeReader request = context.Request.BodyReader;
            while (true)
            {
                ReadResult read = await request.ReadAsync();
                if (read.IsCompleted)
                {
                    capture?.Invoke(context.Request, read.Buffer.ToArray());
                    request.AdvanceTo(read.Buffer.End);
                    break;
                }

                request.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }

            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return (app, new Uri(address + "/"));
    }

    /// <summary><c>server</c> mode: print the address, serve until stdin closes (the parent exits or says so).</summary>
    public static async Task<int> RunAsChildAsync()
    {
        var (app, address) = await StartAsync();
        Console.Out.WriteLine("LISTENING " + address);
        Console.Out.Flush();
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }
}

/// <summary>The server child process, started from this program's own executable.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static ServerProcess Start()
    {
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }

        start.ArgumentList.Add("server");
        var process = Process.Start(start)!;
        string? line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The server process did not start: '{line}'");
        }

        return new ServerProcess(process, new Uri(line["LISTENING ".Length..]));
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
