using System;

namespace DatadogGen.Pipeline;

/// <summary>
/// The outcome of one attempt (a struct: every call makes one): a complete response, or a failure that a retry may cure (a network error, the
/// connection lost mid-body, a timeout). The caller's cancellation is not an outcome: it is thrown at once.
/// </summary>
internal readonly struct Attempt
{
    private Attempt(RawResponse? response, Exception? failure, TimeSpan? timeout, string? timeoutSource)
    {
        Response = response;
        Failure = failure;
        Timeout = timeout;
        TimeoutSource = timeoutSource;
    }

    /// <summary>The complete response; or, with <see cref="Failure"/>, the status and headers that arrived before the body failed.</summary>
    public RawResponse? Response { get; }

    /// <summary>Why no complete response arrived, or null.</summary>
    public Exception? Failure { get; }

    /// <summary>The limit that expired, when the attempt timed out.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Which setting that limit came from, for the message.</summary>
    public string? TimeoutSource { get; }

    public static Attempt Completed(RawResponse response) => new(response, null, null, null);

    public static Attempt Failed(Exception failure, RawResponse? head) => new(head, failure, null, null);

    public static Attempt TimedOut(Exception failure, TimeSpan timeout, string source) => new(null, failure, timeout, source);
}
