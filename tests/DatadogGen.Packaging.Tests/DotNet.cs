using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.Packaging.Tests;

/// <summary>What a finished `dotnet` command left: its exit code, stdout and stderr interleaved, and how long it took.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"`{Command}` exited {ExitCode} after {Elapsed.TotalSeconds:0.0} s:\n{Output}";
}

/// <summary>Runs the `dotnet` CLI as a user would, with an environment that owes nothing to the test host.</summary>
internal static class DotNet
{
    /// <summary>
    /// `dotnet build` of a consumer project as a user's CI would run it: Release, warnings as errors, no build
    /// server, and packages restored into <paramref name="packageFolder"/> so that no other cache holds them.
    /// </summary>
    public static Task<CommandResult> BuildConsumerAsync(string workingDirectory, string project, string packageFolder) =>
        RunAsync(workingDirectory,
            ["build", project, "-c", "Release", "--disable-build-servers", "-warnaserror"],
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packageFolder });

    /// <summary>
    /// Runs a built tool the way getting-started's step 6 does: without Datadog keys, so it talks to the stand-in at
    /// <paramref name="standIn"/> (given through <c>DATADOG_STAND_IN</c>, here on a free port instead of 5080).
    /// </summary>
    public static Task<CommandResult> RunWithoutKeysAsync(string workingDirectory, string toolDll, Uri standIn) =>
        RunAsync(workingDirectory, [toolDll],
            new Dictionary<string, string?>
            {
                ["DATADOG_STAND_IN"] = standIn.ToString(),
                ["DD_API_KEY"] = null,
                ["DD_APP_KEY"] = null,
                ["DD_SITE"] = null,
            },
            TimeSpan.FromMinutes(1));

    /// <summary>
    /// Runs <c>dotnet arguments</c> in <paramref name="workingDirectory"/>. <paramref name="environment"/> adds
    /// variables (a null value removes one). The MSBuild variables that `dotnet test` leaves in the test host's
    /// environment are removed, so the child finds its SDK exactly as a shell would.
    /// </summary>
    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var command = "dotnet " + string.Join(" ", arguments);
        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {(timeout ?? TimeSpan.FromMinutes(5)).TotalSeconds:0} s:\n{output}");
        }

        lock (output)
        {
            return new CommandResult(command, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>The folder the running .NET comes from (…/dotnet), which holds sdk/ and packs/.</summary>
    public static string Root { get; } =
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
