using System;
using System.Collections.Generic;

namespace DatadogGen;

/// <summary>
/// A call failed: the server answered with a non-success status, the body of a success could not be read, no
/// complete response arrived (connection refused or lost, a body that could not be decompressed; the cause is in
/// <see cref="Exception.InnerException"/>), or an attempt timed out (<see cref="ApiTimeoutException"/>). Every
/// failure of a call except the caller's own cancellation is one of these, so one <c>catch</c> handles them all.
/// </summary>
public class ApiException : Exception
{
    /// <summary>
    /// Creates the exception a failed call would throw; for tests of code that handles failures, and for the
    /// client itself.
    /// </summary>
    /// <param name="statusCode">The HTTP status code, or 0 when no response arrived.</param>
    /// <param name="message">What happened.</param>
    /// <param name="operationName">The operation, e.g. <c>v2.CreateIncident</c>; empty when not given.</param>
    /// <param name="headers">The response headers; empty when not given.</param>
    /// <param name="responseBody">The response body as text, if one arrived.</param>
    /// <param name="error">The typed error model read from the body, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(
        int statusCode,
        string message,
        string? operationName = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null,
        string? responseBody = null,
        object? error = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        OperationName = operationName ?? "";
        StatusCode = statusCode;
        Headers = ResponseHeaders.CaseInsensitive(headers);
        ResponseBody = responseBody;
        Error = error;
        RateLimit = ApiRateLimit.From(Headers);
    }

    /// <summary>The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    public string OperationName { get; }

    /// <summary>
    /// The HTTP status code; 0 when no status line arrived. When the status arrived but the body did not
    /// (the connection dropped mid-body), this is that status and <see cref="ResponseBody"/> is null.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers (case-insensitive names); empty when no response arrived.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>
    /// The whole response body as UTF-8 text, exactly as received (decompressed), or null when no complete body
    /// arrived. The message quotes at most ~200 characters of it, with any configured key masked.
    /// </summary>
    public string? ResponseBody { get; }

    /// <summary>The typed error model parsed from the body, or null when none matched.</summary>
    public object? Error { get; }

    /// <summary>The response's rate-limit headers; every value is null when no response arrived.</summary>
    public ApiRateLimit RateLimit { get; }

    /// <summary>Returns <see cref="Error"/> when it is a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected error model type.</typeparam>
    /// <returns>The error model, or null when there is none or it has another type.</returns>
    public T? GetError<T>() where T : class => Error as T;
}
