using System;
using ThreadingTimeout = System.Threading.Timeout;

namespace DatadogGen;

// How calls behave on the wire: retries, timeout, compression, User-Agent and plain http. Every value is read
// once at the start of each call, so changing one affects the calls that start afterwards.
public sealed partial class Configuration
{
    // Timer-based waits (CancelAfter, Task.Delay) take at most about 49 days; 24 keeps clear of that edge.
    private static readonly TimeSpan MaxTimerSpan = TimeSpan.FromMilliseconds(int.MaxValue);

    private int _maxRetries = 3;
    private double _backoffBase = 2;
    private double _backoffMultiplier = 2;
    private TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(60);
    private TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private string? _userAgentSuffix;

    /// <summary>
    /// Whether a call is sent again after 408, 429, any 5xx, a network failure or a timed-out attempt, for every
    /// HTTP method (POST included, as Datadog's clients do). Off by default, as in Datadog's clients.
    /// </summary>
    public bool EnableRetry { get; set; }

    /// <summary>How many times a call is retried at most (so <c>MaxRetries + 1</c> attempts); default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 100.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 100);
            _maxRetries = value;
        }
    }

    /// <summary>
    /// The wait before the first retry, in seconds, when the response has no <c>X-RateLimit-Reset</c>; default 2.
    /// Retry <c>n</c> (from 0) waits <c>BackoffBase * BackoffMultiplier^n</c>, at most <see cref="MaxRetryDelay"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double BackoffBase
    {
        get => _backoffBase;
        set => _backoffBase = ValidateFactor(value, nameof(value));
    }

    /// <summary>The factor each further retry's wait grows by; default 2. See <see cref="BackoffBase"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double BackoffMultiplier
    {
        get => _backoffMultiplier;
        set => _backoffMultiplier = ValidateFactor(value, nameof(value));
    }

    /// <summary>
    /// The longest wait between two attempts; default 60 s. A computed backoff is shortened to it; a response
    /// whose <c>X-RateLimit-Reset</c> asks for longer is not retried but thrown at once, so the caller decides
    /// (Datadog also has hourly limits, and sleeping through one inside a call helps nobody).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than 24 days.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set
        {
            if (value < TimeSpan.Zero || value > MaxTimerSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetryDelay must be between zero and 24 days.");
            }

            _maxRetryDelay = value;
        }
    }

    /// <summary>
    /// The time one attempt may take, from sending the request to the end of the response body; default 60 s.
    /// <see cref="ThreadingTimeout.InfiniteTimeSpan"/> means no limit. When it expires the call throws
    /// <see cref="ApiTimeoutException"/> (or retries, when <see cref="EnableRetry"/> is set).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative (other than infinite) or longer than 24 days.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            if (value != ThreadingTimeout.InfiniteTimeSpan && (value <= TimeSpan.Zero || value > MaxTimerSpan))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value), value, "Timeout must be positive and at most 24 days, or Timeout.InfiniteTimeSpan.");
            }

            _timeout = value;
        }
    }

    /// <summary>
    /// Whether responses are requested compressed (<c>Accept-Encoding: gzip, deflate</c>); default true.
    /// A compressed response is decompressed whatever this says.
    /// </summary>
    public bool Compress { get; set; } = true;

    /// <summary>
    /// Text appended to the User-Agent after a space, e.g. <c>incident-bot/1.4</c>, so Datadog (and your proxy
    /// logs) can tell your tool apart. Null or empty adds nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The value holds a character outside printable ASCII, such as CR or LF.</exception>
    public string? UserAgentSuffix
    {
        get => _userAgentSuffix;
        set => _userAgentSuffix = ValidateUserAgentSuffix(value);
    }

    /// <summary>
    /// Allows a plain-http <see cref="BaseAddress"/> on a host other than loopback (127.0.0.0/8, ::1,
    /// <c>localhost</c>); default false. Without it such a call fails before any I/O, since it would put the keys
    /// on the network in clear text. Checked when a call starts, not when BaseAddress is set, so the order in
    /// which properties are set does not matter.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// A forward proxy for the HttpClient that <see cref="ApiClient"/> creates, e.g.
    /// <c>new WebProxy("http://proxy.internal:3128")</c> (credentials on the WebProxy); null (the default) uses the
    /// system's proxy settings, which on every platform include the <c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c> and
    /// <c>NO_PROXY</c> environment variables. Read when the ApiClient is created; an injected HttpClient keeps its
    /// own handler's proxy.
    /// </summary>
    public System.Net.IWebProxy? Proxy { get; set; }

    private static double ValidateFactor(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must be a finite number, zero or more.");
        }

        return value;
    }

    // Latin-1 would pass HttpClient, but servers and proxies disagree on non-ASCII header bytes; ASCII is safe.
    private static string? ValidateUserAgentSuffix(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (char c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException(
                    $"UserAgentSuffix may contain only printable ASCII characters; found U+{(int)c:X4}.", nameof(value));
            }
        }

        return value;
    }

    private string DescribeTransport() =>
        $"EnableRetry = {EnableRetry}, MaxRetries = {_maxRetries}, Timeout = {TimeText.Seconds(_timeout)}, " +
        $"Compress = {Compress}, AllowInsecureHttp = {AllowInsecureHttp}";
}
