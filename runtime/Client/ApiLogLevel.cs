namespace DatadogGen;

/// <summary>
/// How much a line passed to <see cref="Configuration.Log"/> matters. The values equal those of
/// Microsoft.Extensions.Logging's <c>LogLevel</c>, so a bridge can cast.
/// </summary>
public enum ApiLogLevel
{
    /// <summary>Every attempt and its outcome, and the first call of each unstable operation.</summary>
    Debug = 1,

    /// <summary>A retry was scheduled: the status or failure, and how long the client waits.</summary>
    Information = 2,

    /// <summary>A call failed after retries, or was not retried because the server asked for too long a wait.</summary>
    Warning = 3,
}
