using System.Collections.Generic;
using System.ComponentModel;
using System.Threading.Tasks;

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

    /// <summary>
    /// The body of a call's response, for the generated <c>XAsync</c> methods over <c>XWithHttpInfoAsync</c>: one
    /// shared async method instead of a state machine per generated method.
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="response">The call.</param>
    /// <returns>Its body.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static async Task<T> DataAsync<T>(Task<ApiResponse<T>> response) =>
        (await (response ?? throw new System.ArgumentNullException(nameof(response))).ConfigureAwait(false)).Data;
}
