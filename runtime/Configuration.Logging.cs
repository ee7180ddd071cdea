using System;
using System.Collections.Generic;

namespace DatadogGen;

// Optional logging through a plain delegate: the runtime stays free of Microsoft.Extensions.Logging, and the
// DI package (DatadogGen.Extensions.DependencyInjection) bridges it to ILogger<ApiClient>.
public sealed partial class Configuration
{
    private readonly HashSet<string> _unstableNoticesLogged = new(StringComparer.Ordinal);

    /// <summary>
    /// Receives the client's log lines, or null (the default) for none. Lines never contain a key or token:
    /// any configured key value is replaced with <c>***</c> before a line is handed over. An exception thrown by
    /// the delegate is swallowed, since logging must not fail a call.
    /// </summary>
    public Action<ApiLogLevel, string>? Log { get; set; }

    private void LogUnstableNoticeOnce(string operation)
    {
        Action<ApiLogLevel, string>? log = Log;
        if (log is null)
        {
            return;
        }

        lock (_enabledLock)
        {
            if (!_unstableNoticesLogged.Add(operation))
            {
                return;
            }
        }

        Write(ApiLogLevel.Debug, $"Calling unstable operation '{operation}': it may change or disappear without notice.");
    }

    /// <summary>Hands one line to <see cref="Log"/>, with the configured keys masked.</summary>
    internal void Write(ApiLogLevel level, string message)
    {
        if (Log is not { } log)
        {
            return;
        }

        try
        {
            log(level, CreateRedactor().Redact(message));
        }
        catch (Exception)
        {
            // A broken log sink must not turn a good call into a failure.
        }
    }

    /// <summary>Masks the key values configured now.</summary>
    internal SecretRedactor CreateRedactor() => new(_apiKey, _applicationKey, _accessToken);
}
