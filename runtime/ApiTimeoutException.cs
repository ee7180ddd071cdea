using System;

namespace DatadogGen;

/// <summary>
/// An attempt took longer than <see cref="Configuration.Timeout"/> (or the injected HttpClient's own
/// <c>Timeout</c>), and no retry was left. A <see cref="TimeoutException"/>, not an <see cref="ApiException"/>,
/// so code that already handles timeouts handles this one.
/// </summary>
public sealed class ApiTimeoutException : TimeoutException
{
    internal ApiTimeoutException(string message, string operationName, TimeSpan timeout, Exception? innerException)
        : base(message, innerException)
    {
        OperationName = operationName;
        Timeout = timeout;
    }

    /// <summary>The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    public string OperationName { get; }

    /// <summary>The time one attempt was allowed.</summary>
    public TimeSpan Timeout { get; }
}
