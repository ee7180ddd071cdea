using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.Sample.Datadog;

namespace DatadogGen.Sample;

/// <summary>
/// Attaches a markdown postmortem to a Datadog incident with the generated client: to Datadog itself when
/// DD_API_KEY and DD_APP_KEY are set, otherwise to a local stand-in so it runs without an account.
/// </summary>
public static class Program
{
    /// <summary>The incident used when <c>--incident</c> is not given.</summary>
    public const string DefaultIncidentId = "00000000-0000-0000-0000-000000000000";

    private const string Operation = "v2.CreateIncidentPostmortemAttachment";
    private const int Success = 0;
    private const int Failure = 1;
    private const int UsageError = 2;
    private const int Interrupted = 130;

    private const string UsageLine = "Usage: dotnet run --project sample -- [<file.md>] [--incident <id>] [--template <id>]";

    private const string Usage = UsageLine + """


        Attaches a markdown postmortem to a Datadog incident.
          <file.md>          the postmortem; default: the bundled examples/postmortem.md
          --incident <id>    the incident; default: 00000000-0000-0000-0000-000000000000
          --template <id>    the postmortem template to use
          -h, --help         show this help

        With DD_API_KEY and DD_APP_KEY set, it calls Datadog (site from DD_SITE, default datadoghq.com).
        Without them, it calls a local stand-in for Datadog that it starts itself.
        """;

    /// <summary>The command line entry point.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, interrupt.Token);
    }

    /// <summary>Runs the sample with the given arguments, writing to the given writers.</summary>
    /// <param name="args">The arguments, as on the command line.</param>
    /// <param name="output">Where progress and the result go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>0 on success, 1 when the call failed, 2 for bad arguments or input, 130 when interrupted.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (!TryParse(args, out Options options, out string? problem))
        {
            error.WriteLine($"error: {problem}");
            error.WriteLine(UsageLine);
            error.WriteLine("Run with --help for details.");
            return UsageError;
        }

        if (options.Help)
        {
            output.WriteLine(Usage);
            return Success;
        }

        // The bundled example is copied next to the executable, so this works from any working directory.
        string path = options.File ?? Path.Combine(AppContext.BaseDirectory, "examples", "postmortem.md");
        string shownPath = options.File ?? "examples/postmortem.md (bundled example)";
        string markdown;
        try
        {
            markdown = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read '{path}': {DescribeReadFailure(path, ex)}");
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Interrupted.");
            return Interrupted;
        }

        if (string.IsNullOrWhiteSpace(markdown))
        {
            error.WriteLine($"error: '{path}' is empty; there is no postmortem to send.");
            return UsageError;
        }

        PostmortemAttachmentRequest request = PostmortemMarkdown.CreateRequest(markdown, Path.GetFileName(path), options.TemplateId);

        Configuration configuration;
        try
        {
            configuration = new Configuration();
        }
        catch (ArgumentException ex)
        {
            // An unknown DD_SITE or a key with a stray newline: the message says which and how to fix it.
            error.WriteLine($"error: {ex.Message}");
            return UsageError;
        }

        configuration.SetUnstableOperationEnabled(Operation, true);

        // One key without the other is a half-done setup; silently using the stand-in would hide that.
        if ((configuration.ApiKey is null) != (configuration.ApplicationKey is null))
        {
            string missing = configuration.ApiKey is null ? "DD_API_KEY" : "DD_APP_KEY";
            error.WriteLine($"error: {missing} is not set. Set both DD_API_KEY and DD_APP_KEY to call Datadog, or neither to use the local stand-in.");
            return UsageError;
        }

        LocalDatadog? standIn = null;
        if (configuration.ApiKey is null)
        {
            try
            {
                standIn = await LocalDatadog.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                // Kestrel reports a loopback port it cannot bind as an IOException.
                error.WriteLine($"error: could not start the local stand-in for Datadog: {ex.Message}");
                return Failure;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine("Interrupted.");
                return Interrupted;
            }
        }

        try
        {
            if (standIn is not null)
            {
                configuration.BaseAddress = standIn.BaseAddress;
                // The stand-in checks that both key headers arrive, like Datadog; their values do not matter.
                configuration.ApiKey = "local-stand-in-api-key";
                configuration.ApplicationKey = "local-stand-in-application-key";
                output.WriteLine($"Using a LOCAL STAND-IN for Datadog at {standIn.BaseAddress} (DD_API_KEY and DD_APP_KEY are not set, so nothing is sent to Datadog).");
            }
            else
            {
                output.WriteLine($"Using Datadog at {configuration.ResolveBaseAddress()} (site {configuration.Site}, keys from DD_API_KEY and DD_APP_KEY).");
            }

            Output.Request(output, options.IncidentId, shownPath, request);

            using var client = new ApiClient(configuration);
            var incidents = new IncidentsApi(client);
            Attachment attachment = await incidents.CreateIncidentPostmortemAttachmentAsync(options.IncidentId, request, cancellationToken);
            Output.Attachment(output, attachment);
            return Success;
        }
        catch (ApiException ex)
        {
            Output.ApiError(error, ex);
            return Failure;
        }
        catch (UnstableOperationDisabledException ex)
        {
            error.WriteLine($"error: {ex.Message}. Enable it with Configuration.SetUnstableOperationEnabled(\"{ex.OperationName}\", true).");
            return Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Interrupted.");
            return Interrupted;
        }
        finally
        {
            if (standIn is not null)
            {
                await standIn.DisposeAsync();
            }
        }
    }

    private static string DescribeReadFailure(string path, Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file.",
        _ when Directory.Exists(path) => "it is a directory, not a markdown file.",
        _ => ex.Message,
    };

    private static bool TryParse(string[] args, out Options options, [NotNullWhen(false)] out string? problem)
    {
        options = new Options(null, DefaultIncidentId, null, Help: false);
        string? file = null, incidentId = null, templateId = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    options = options with { Help = true };
                    problem = null;
                    return true;
                case "--incident" or "--template":
                    string? value = i + 1 < args.Length ? args[++i] : null;
                    // A following option means the value was forgotten, not that it is the value.
                    if (string.IsNullOrWhiteSpace(value) || value.StartsWith("--", StringComparison.Ordinal))
                    {
                        problem = $"{arg} needs a value.";
                        return false;
                    }

                    if ((arg == "--incident" ? incidentId : templateId) is not null)
                    {
                        problem = $"{arg} was given more than once.";
                        return false;
                    }

                    if (arg == "--incident")
                    {
                        incidentId = value;
                    }
                    else
                    {
                        templateId = value;
                    }

                    break;
                case var _ when arg.Length > 1 && arg[0] == '-':
                    problem = $"unknown option '{arg}'.";
                    return false;
                default:
                    if (file is not null)
                    {
                        problem = $"only one markdown file can be given, got '{file}' and '{arg}'.";
                        return false;
                    }

                    file = arg;
                    break;
            }
        }

        options = new Options(file, incidentId ?? DefaultIncidentId, templateId, Help: false);
        problem = null;
        return true;
    }

    private readonly record struct Options(string? File, string IncidentId, string? TemplateId, bool Help);
}
