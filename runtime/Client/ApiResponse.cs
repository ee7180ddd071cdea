using System.Collections.Generic;

namespace DatadogGen;

/// <summary>The status and headers of a successful response.</summary>
public class ApiResponse
{
    private ApiRateLimit? _rateLimit;

    internal ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>
    /// Creates the result a successful call would return; for tests of code that consumes results (a mock of an
    /// <c>I{Tag}Api</c> interface returns it from <c>XWithHttpInfoAsync</c>).
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The parsed body.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response headers; empty when not given. Names compare case-insensitively, as in a real response.</param>
    /// <returns>The response.</returns>
    public static ApiResponse<T> FromValue<T>(T value, int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null) =>
        new(statusCode, ResponseHeaders.CaseInsensitive(headers), value);

    /// <summary>The HTTP status code (2xx).</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers; names compare case-insensitively (e.g. <c>x-ratelimit-remaining</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Datadog's rate-limit headers of this response, parsed when first asked for.</summary>
    public ApiRateLimit RateLimit => _rateLimit ??= ApiRateLimit.From(Headers);
}
