using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace DatadogGen;

// Optional logging through a plain delegate: the runtime stays free of Microsoft.Extensions.Logging, and the
// DI package (DatadogGen.Extensions.DependencyInjection) bridges it to ILogger<ApiClient>.
public sealed partial class Configuration
{
    private readonly ConcurrentDictionary<string, bool> _unstableNoticesLogged = new(StringComparer.Ordinal);

    /// <summary>
    /// Receives the client's log lines, or null (the default) for none. Lines never contain a key or token:
    /// any configured key value is replaced with <c>***</c> before a line is handed over. An exception thrown by
    /// the delegate is swallowed, since logging must not fail a call.
    /// </summary>
    public Action<ApiLogLevel, string>? Log { get; set; }

    /// <summary>
    /// Receives the same events as <see cref="Log"/> with their event id and named fields (<see cref="ApiLogEvent"/>),
    /// for structured logging, or null (the default). Both may be set. Keys are masked and exceptions swallowed as
    /// for <see cref="Log"/>.
    /// </summary>
    public Action<ApiLogEvent>? StructuredLog { get; set; }

    /// <summary>Whether any log sink is set, so callers skip building events nobody receives.</summary>
    internal bool IsLogging => Log is not null || StructuredLog is not null;

    private void LogUnstableNoticeOnce(string operation)
    {
        if (!IsLogging)
        {
            return;
        }

        // Read by every call while logging, so without a lock.
        if (!_unstableNoticesLogged.TryAdd(operation, true))
        {
            return;
        }

        Write(ApiLogEvents.UnstableOperationCalled, nameof(ApiLogEvents.UnstableOperationCalled), ApiLogLevel.Debug,
            "Calling unstable operation '{Operation}': it may change or disappear without notice.", ("Operation", operation));
    }

    /// <summary>Hands one event to <see cref="Log"/> and <see cref="StructuredLog"/>, with the configured keys masked.</summary>
    internal void Write(int id, string name, ApiLogLevel level, string template, params ReadOnlySpan<(string Name, object? Value)> values) =>
        Write(Log, StructuredLog, CreateRedactor(), id, name, level, template, values);

    /// <summary>Hands one event to the given sinks (a call's, frozen at its start), with keys masked.</summary>
    internal static void Write(
        Action<ApiLogLevel, string>? log,
        Action<ApiLogEvent>? structured,
        SecretRedactor redactor,
        int id,
        string name,
        ApiLogLevel level,
        string template,
        params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (log is null && structured is null)
        {
            return;
        }

        ApiLogEvent logEvent = ApiLogEvent.Create(id, name, level, template, redactor, values);
        try
        {
            log?.Invoke(level, logEvent.Message);
            structured?.Invoke(logEvent);
        }
        catch (Exception)
        {
            // A broken log sink must not turn a good call into a failure.
        }
    }

    /// <summary>Masks the key values configured now.</summary>
    internal SecretRedactor CreateRedactor() => new(_apiKey, _applicationKey, _accessToken);
}
