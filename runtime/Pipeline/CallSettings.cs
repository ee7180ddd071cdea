using System;

namespace DatadogGen.Pipeline;

/// <summary>
/// Everything one call reads from <see cref="Configuration"/>, read once when the call starts: a configuration
/// changed mid-call (a rotated key, another timeout) affects the next call, never half of this one.
/// </summary>
internal sealed class CallSettings
{
    private readonly Action<ApiLogLevel, string>? _log;
    private readonly Action<ApiLogEvent>? _structuredLog;
    private SecretRedactor? _redactor;

    private CallSettings(Configuration configuration, ApiRequest request)
    {
        Uri = request.CreateUri(
            configuration.BaseAddress ?? request.ServerAddress ?? configuration.ResolveBaseAddress(request.Subdomain ?? "api"));
        AllowInsecureHttp = configuration.AllowInsecureHttp;
        Timeout = configuration.Timeout;
        Compress = configuration.Compress;
        UserAgent = global::DatadogGen.Pipeline.UserAgent.With(configuration.UserAgentSuffix);
        Retry = RetryPolicy.From(configuration);
        ApiKey = configuration.ApiKey;
        ApplicationKey = configuration.ApplicationKey;
        AccessToken = configuration.AccessToken;
        _log = configuration.Log;
        _structuredLog = configuration.StructuredLog;
    }

    public Uri Uri { get; }

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

    public static CallSettings Freeze(Configuration configuration, ApiRequest request) => new(configuration, request);

    public void Log(int id, string name, ApiLogLevel level, string template, params ReadOnlySpan<(string Name, object? Value)> values) =>
        Configuration.Write(_log, _structuredLog, Redactor, id, name, level, template, values);
}
