using System;
using System.Collections.Generic;
using System.Net.Http;

namespace DatadogGen.Pipeline;

/// <summary>
/// What one attempt received: status, headers and the whole body (decompressed). Kept apart from
/// interpretation so the retry policy can look at an attempt (429, 5xx, X-RateLimit-Reset) before deciding to
/// send another.
/// </summary>
internal sealed class RawResponse
{
    // Not readonly: releasing the body changes it in place.
    private ResponseBody _body;

    public RawResponse(HttpResponseMessage response, ResponseBody body)
        : this((int)response.StatusCode, response.ReasonPhrase ?? "", ResponseHeaders.From(response), body)
    {
    }

    private RawResponse(int statusCode, string reasonPhrase, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ResponseBody body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        _body = body;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    public ReadOnlySpan<byte> Body => _body.Span;

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>The media type without parameters, e.g. <c>text/html</c>, or null when the header is absent.</summary>
    public string? MediaType
    {
        get
        {
            string? value = ResponseHeaders.First(Headers, "Content-Type");
            int semicolon = value?.IndexOf(';', StringComparison.Ordinal) ?? -1;
            return semicolon < 0 ? value : value![..semicolon].Trim();
        }
    }

    /// <summary>"200 OK", or "200" when the server sent no reason phrase.</summary>
    public string Describe() => ReasonPhrase.Length == 0 ? $"{StatusCode}" : $"{StatusCode} {ReasonPhrase}";

    /// <summary>The same response with another body (the decompressed one); this one's is released.</summary>
    public RawResponse WithBody(byte[] body)
    {
        _body.Release();
        return new(StatusCode, ReasonPhrase, Headers, ResponseBody.Of(body));
    }

    /// <summary>Releases the body once the attempt is settled (<see cref="ResponseBody"/>).</summary>
    public void Release() => _body.Release();
}
