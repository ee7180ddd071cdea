using System;

namespace DatadogGen.Pipeline;

/// <summary>
/// Everything one call reads from <see cref="Configuration"/>, read once when the call starts: a configuration
/// changed mid-call (a rotated key, another timeout) affects the next call, never half of this one. Calls that
/// start while nothing has changed share one snapshot (<see cref="Freeze"/>), so a call allocates none.
/// </summary>
internal sealed class CallSettings
{
    private readonly Action<ApiLogLevel, string>? _log;
    private readonly Action<ApiLogEvent>? _structuredLog;
    private readonly string? _userAgentSuffix;
    private SecretRedactor? _redactor;

    private CallSettings(Configuration configuration)
    {
        AllowInsecureHttp = configuration.AllowInsecureHttp;
        Timeout = configuration.Timeout;
        Compress = configuration.Compress;
        _userAgentSuffix = configuration.UserAgentSuffix;
        UserAgent = global::DatadogGen.Pipeline.UserAgent.With(_userAgentSuffix);
        Retry = RetryPolicy.From(configuration);
        ApiKey = configuration.ApiKey;
        ApplicationKey = configuration.ApplicationKey;
        AccessToken = configuration.AccessToken;
        _log = configuration.Log;
        _structuredLog = configuration.StructuredLog;
    }

    public bool AllowInsecureHttp { get; }

    public TimeSpan Timeout { get; }

    public bool Compress { get; }

    public string UserAgent { get; }

    public RetryPolicy Retry { get; }

    public string? ApiKey { get; }

    public string? ApplicationKey { get; }

    public string? AccessToken { get; }

    // Made when a log line or an exception needs it: a call that succeeds quietly never does.
    public SecretRedactor Redactor => _redactor ??= new SecretRedactor(ApiKey, ApplicationKey, AccessToken);

    /// <summary>Whether a log sink is set, so the call skips building events nobody receives.</summary>
    public bool IsLogging => _log is not null || _structuredLog is not null;

    /// <summary>
    /// The settings as they are now: the snapshot of the call before when every value still equals the
    /// configuration's (the snapshot is immutable, so calls in flight can share it), else a new one.
    /// </summary>
    public static CallSettings Freeze(Configuration configuration)
    {
        CallSettings? last = configuration.LastCallSettings;
        if (last is not null && last.Matches(configuration))
        {
            return last;
        }

        var current = new CallSettings(configuration);
        configuration.LastCallSettings = current;
        return current;
    }

    public void Log(int id, string name, ApiLogLevel level, string template, params ReadOnlySpan<(string Name, object? Value)> values) =>
        Configuration.Write(_log, _structuredLog, Redactor, id, name, level, template, values);

    // Keys, the suffix and the log sinks are compared as references: a value set again is a new snapshot, not a
    // wrong one.
    private bool Matches(Configuration configuration) =>
        ReferenceEquals(ApiKey, configuration.ApiKey)
        && ReferenceEquals(ApplicationKey, configuration.ApplicationKey)
        && ReferenceEquals(AccessToken, configuration.AccessToken)
        && ReferenceEquals(_userAgentSuffix, configuration.UserAgentSuffix)
        && ReferenceEquals(_log, configuration.Log)
        && ReferenceEquals(_structuredLog, configuration.StructuredLog)
        && AllowInsecureHttp == configuration.AllowInsecureHttp
        && Timeout == configuration.Timeout
        && Compress == configuration.Compress
        && Retry.Equals(RetryPolicy.From(configuration));
}
