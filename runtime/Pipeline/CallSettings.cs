using System;

namespace DatadogGen.Pipeline;

/// <summary>
/// Everything one call reads from <see cref="Configuration"/>, read once when the call starts: a configuration
/// changed mid-call (a rotated key, another timeout) affects the next call, never half of this one. Calls that
/// start while nothing has changed share one snapshot (<see cref="Freeze"/>), so a call allocates none.
/// </summary>
internal sealed class CallSettings
{
    private readonly Values _values;
    private SecretRedactor? _redactor;

    private CallSettings(in Values values)
    {
        _values = values;
        UserAgent = global::DatadogGen.Pipeline.UserAgent.With(values.UserAgentSuffix);
    }

    public bool AllowInsecureHttp => _values.AllowInsecureHttp;

    public TimeSpan Timeout => _values.Timeout;

    public bool Compress => _values.Compress;

    public string UserAgent { get; }

    public RetryPolicy Retry => _values.Retry;

    public string? ApiKey => _values.ApiKey;

    public string? ApplicationKey => _values.ApplicationKey;

    public string? AccessToken => _values.AccessToken;

    // Made when a log line or an exception needs it: a call that succeeds quietly never does.
    public SecretRedactor Redactor => _redactor ??= new SecretRedactor(ApiKey, ApplicationKey, AccessToken);

    /// <summary>Whether a log sink is set, so the call skips building events nobody receives.</summary>
    public bool IsLogging => _values.Log is not null || _values.StructuredLog is not null;

    /// <summary>
    /// The settings as they are now: the snapshot of the call before when its values still equal the
    /// configuration's (the snapshot is immutable, so calls in flight can share it), else a new one.
    /// </summary>
    public static CallSettings Freeze(Configuration configuration)
    {
        var values = Values.Of(configuration);
        CallSettings? last = configuration.LastCallSettings;
        if (last is not null && last._values == values)
        {
            return last;
        }

        var current = new CallSettings(values);
        configuration.LastCallSettings = current;
        return current;
    }

    public void Log(int id, string name, ApiLogLevel level, string template, params ReadOnlySpan<(string Name, object? Value)> values) =>
        Configuration.Write(_values.Log, _values.StructuredLog, Redactor, id, name, level, template, values);

    // The one list of what a call reads; a record's equality decides whether the last snapshot still holds.
    private readonly record struct Values(
        bool AllowInsecureHttp,
        TimeSpan Timeout,
        bool Compress,
        string? UserAgentSuffix,
        RetryPolicy Retry,
        string? ApiKey,
        string? ApplicationKey,
        string? AccessToken,
        Action<ApiLogLevel, string>? Log,
        Action<ApiLogEvent>? StructuredLog)
    {
        public static Values Of(Configuration configuration) => new(
            configuration.AllowInsecureHttp,
            configuration.Timeout,
            configuration.Compress,
            configuration.UserAgentSuffix,
            RetryPolicy.From(configuration),
            configuration.ApiKey,
            configuration.ApplicationKey,
            configuration.AccessToken,
            configuration.Log,
            configuration.StructuredLog);
    }
}
