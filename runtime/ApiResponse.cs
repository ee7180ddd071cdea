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

    /// <summary>The HTTP status code (2xx).</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers; names compare case-insensitively (e.g. <c>x-ratelimit-remaining</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Datadog's rate-limit headers of this response, parsed when first asked for.</summary>
    public ApiRateLimit RateLimit => _rateLimit ??= ApiRateLimit.From(Headers);
}
