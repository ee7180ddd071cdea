using System;

namespace DatadogGen;

/// <summary>
/// An attempt took longer than <see cref="Configuration.Timeout"/> (or the injected HttpClient's own
/// <c>Timeout</c>), and no retry was left. An <see cref="ApiException"/> like every other failed call, with
/// <see cref="ApiException.StatusCode"/> 0; its <see cref="Exception.InnerException"/> is a
/// <see cref="TimeoutException"/>, for code that looks for one.
/// </summary>
public sealed class ApiTimeoutException : ApiException
{
    /// <summary>Creates the exception a timed-out call throws; for tests of code that handles timeouts, and for the client itself.</summary>
    /// <param name="message">What timed out, and after how long.</param>
    /// <param name="timeout">The time one attempt was allowed.</param>
    /// <param name="operationName">The operation, e.g. <c>v2.CreateIncident</c>; empty when not given.</param>
    /// <param name="innerException">The cancellation or timeout that ended the attempt; wrapped in a <see cref="TimeoutException"/> unless it is one.</param>
    public ApiTimeoutException(string message, TimeSpan timeout, string? operationName = null, Exception? innerException = null)
        : base(0, message, operationName, innerException: AsTimeout(message, innerException))
    {
        Timeout = timeout;
    }

    /// <summary>The time one attempt was allowed.</summary>
    public TimeSpan Timeout { get; }

    // HttpClient's own timeout already carries a TimeoutException inside its TaskCanceledException; the client's
    // per-attempt timeout is a plain cancellation, which gets one around it.
    private static TimeoutException AsTimeout(string message, Exception? cause) => cause switch
    {
        TimeoutException timeout => timeout,
        { InnerException: TimeoutException timeout } => timeout,
        _ => new TimeoutException(message, cause),
    };
}
