using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// Datadog's replay server (../shared/datadog/conformance/test-server, Python 3 standard library only) in a child
/// process on 127.0.0.1 and a port the OS picks. It answers each request of a session with the recording's next
/// response when the request equals the recorded one, else 409 with the expected and the actual request.
/// </summary>
internal sealed partial class ConformanceServer : IDisposable
{
    public const string SessionHeader = "x-openapi-test-session";

    public const string ErrorHeader = "x-openapi-test-error";

    private const string ControlRoot = "/__openapi_transformer__";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;
    private readonly HttpClient _control;

    private ConformanceServer(Process process, ConcurrentQueue<string> log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        _control = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the server printed last (its request log), to explain a failure.</summary>
    public string RecentLog => string.Join("\n", _log.TakeLast(20));

    /// <summary>
    /// Starts the server and waits until it listens. A missing python3 is an error, not a reason to skip: the
    /// recordings are there, so the replay must run.
    /// </summary>
    public static async Task<ConformanceServer> StartAsync(string script, string database)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Port 0: the OS picks a free port and the server prints the one it got, so two runs never collide.
        foreach (var argument in new[] { script, "--database", database, "--host", "127.0.0.1", "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"python3 is needed to run Datadog's conformance replay server ({script}) but could not be started: "
                + $"{exception.Message}. Install Python 3 (e.g. apt-get install -y python3-minimal).", exception);
        }

        var log = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The server logs every request to stdout: keep reading it, or a full pipe would stall the server.
        process.OutputDataReceived += (_, line) => OnOutput(line.Data, log, listening);
        process.ErrorDataReceived += (_, line) => OnOutput(line.Data, log, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var ready = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (ready != listening.Task)
        {
            var why = ready == exited ? $"exited with code {process.ExitCode}" : $"did not print \"Listening on\" within {StartTimeout.TotalSeconds} s";
            KillQuietly(process);
            throw new InvalidOperationException($"The conformance replay server {why}. Its output:\n{string.Join("\n", log)}");
        }

        return new ConformanceServer(process, log, await listening.Task);
    }

    /// <summary>Opens a replay session for one recorded scenario; the id goes in <see cref="SessionHeader"/>.</summary>
    public async Task<string> OpenSessionAsync(string version, string feature, string scenario)
    {
        var payload = new JsonObject { ["version"] = version, ["feature"] = feature, ["scenario"] = scenario }.ToJsonString();
        using var response = await _control.PostAsync(
            ControlRoot + "/sessions", new StringContent(payload, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Opening a session for \"{scenario}\" answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("session").GetString()!;
    }

    /// <summary>Ends a session: how many of the recording's interactions it consumed.</summary>
    public async Task<SessionEnd> StopSessionAsync(string session)
    {
        using var response = await _control.PostAsync($"{ControlRoot}/sessions/{session}/stop", content: null);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Stopping session {session} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        return new SessionEnd(root.GetProperty("interactions").GetInt32(), root.GetProperty("total_interactions").GetInt32(), root.GetProperty("complete").GetBoolean());
    }

    /// <summary>
    /// Sends a recorded request exactly as recorded, so the session moves past an interaction the generated client
    /// could not (spec drift) or did not (a failure) send; the next interactions then still get checked.
    /// Returns null when the server accepted it, else why not.
    /// </summary>
    public async Task<string?> SendAsRecordedAsync(string session, ConformanceInteraction interaction)
    {
        using var request = new HttpRequestMessage(new HttpMethod(interaction.Method), interaction.PathAndQuery);
        request.Headers.Add(SessionHeader, session);
        if (interaction.RequestBody is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(interaction.RequestContentType);
        }

        using var response = await _control.SendAsync(request);
        if ((int)response.StatusCode == interaction.Status && !response.Headers.Contains(ErrorHeader))
        {
            return null;
        }

        return $"sending {interaction} as recorded answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
    }

    public void Dispose()
    {
        _control.Dispose();
        KillQuietly(_process);
        _process.Dispose();
    }

    private static void OnOutput(string? line, ConcurrentQueue<string> log, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 200 && log.TryDequeue(out _))
        {
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups["address"].Value + "/"));
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in between: nothing left to stop.
        }
    }

    [GeneratedRegex(@"^Listening on (?<address>http://[^\s/]+)")]
    private static partial Regex ListeningLine();
}

/// <summary>The answer to stopping a session: interactions consumed out of the recording's total.</summary>
internal sealed record SessionEnd(int Interactions, int TotalInteractions, bool Complete);
