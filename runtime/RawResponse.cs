using System.Collections.Generic;
using System.Net.Http;

namespace DatadogGen;

/// <summary>
/// What one attempt received: status, headers and the whole body. Kept apart from interpretation so a
/// retry policy can look at an attempt (429, 5xx, X-RateLimit-Reset) before deciding to send another.
/// </summary>
internal sealed class RawResponse
{
    public RawResponse(HttpResponseMessage response, byte[] body)
    {
        StatusCode = (int)response.StatusCode;
        ReasonPhrase = response.ReasonPhrase ?? "";
        Headers = ResponseHeaders.From(response);
        Body = body;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    public byte[] Body { get; }

    public bool IsSuccess => StatusCode is >= 200 and <= 299;
}
