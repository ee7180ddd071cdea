using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace DatadogGen.Pipeline;

/// <summary>
/// Whether and when to send a call again, as Datadog's clients do: 408, 429, 5xx and failed attempts; wait
/// <c>X-RateLimit-Reset</c> seconds when the response says so, else <c>base * multiplier^retry</c>.
/// A snapshot of the configuration taken when the call starts.
/// </summary>
internal readonly record struct RetryPolicy
{
    private readonly double _backoffBase;
    private readonly double _backoffMultiplier;
    private readonly TimeSpan _maxDelay;

    private RetryPolicy(int maxRetries, double backoffBase, double backoffMultiplier, TimeSpan maxDelay)
    {
        MaxRetries = maxRetries;
        _backoffBase = backoffBase;
        _backoffMultiplier = backoffMultiplier;
        _maxDelay = maxDelay;
    }

    /// <summary>Retries this call may make: 0 unless retry is enabled.</summary>
    public int MaxRetries { get; }

    public static RetryPolicy From(Configuration configuration) => new(
        configuration.EnableRetry ? configuration.MaxRetries : 0,
        configuration.BackoffBase,
        configuration.BackoffMultiplier,
        configuration.MaxRetryDelay);

    /// <summary>
    /// Why a failure will not heal on a retry, or null when it may: a host name that does not exist, or a server
    /// certificate that is refused (wrong name, untrusted, expired). Both fail the same way every time, and each
    /// retry would only add the backoff to the wait for the error.
    /// </summary>
    public static string? PermanentFailure(Exception failure) => failure switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError, InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound } }
            => "the host name does not exist",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError, InnerException: AuthenticationException }
            => "the server's TLS certificate was refused",
        _ => null,
    };

    /// <summary>408 Request Timeout, 429 Too Many Requests and every 5xx may succeed when sent again.</summary>
    public static bool IsRetryableStatus(int statusCode) => statusCode is 408 or 429 or (>= 500 and <= 599);

    /// <summary>Decides about retry number <paramref name="retry"/> (from 0).</summary>
    /// <param name="retry">How many retries were already made.</param>
    /// <param name="headers">The failed attempt's response headers, or null when no response arrived.</param>
    public RetryDecision Decide(int retry, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers)
    {
        if (retry >= MaxRetries)
        {
            return RetryDecision.Stop(null);
        }

        if (headers is not null && ResetSeconds(headers) is { } reset)
        {
            // Compared as seconds first: a huge header value must not overflow TimeSpan.
            return reset <= _maxDelay.TotalSeconds
                ? RetryDecision.After(TimeSpan.FromSeconds(reset))
                : RetryDecision.Stop(
                    $"Not retried: X-RateLimit-Reset asks for a {TimeText.Seconds(reset)} wait, more than " +
                    $"MaxRetryDelay ({TimeText.Seconds(_maxDelay)}).");
        }

        // "Not less than" also catches an infinite or NaN product of extreme settings.
        double seconds = _backoffBase * Math.Pow(_backoffMultiplier, retry);
        return RetryDecision.After(!(seconds < _maxDelay.TotalSeconds) ? _maxDelay : TimeSpan.FromSeconds(seconds));
    }

    // Datadog sends whole seconds; a fraction is accepted as Go's client does. Anything else means "absent".
    private static double? ResetSeconds(IReadOnlyDictionary<string, IReadOnlyList<string>> headers) =>
        double.TryParse(ResponseHeaders.First(headers, "X-RateLimit-Reset"), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
        && double.IsFinite(value) && value >= 0
            ? value
            : null;
}

/// <summary>Retry after <see cref="Delay"/>, or stop (with a sentence for the exception when there is a reason to give).</summary>
internal readonly record struct RetryDecision(bool Retry, TimeSpan Delay, string? Refusal)
{
    public static RetryDecision After(TimeSpan delay) => new(true, delay, null);

    public static RetryDecision Stop(string? refusal) => new(false, TimeSpan.Zero, refusal);
}
