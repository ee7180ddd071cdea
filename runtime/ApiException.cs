using System;
using System.Collections.Generic;

namespace DatadogGen;

/// <summary>
/// A call failed: the server answered with a non-success status, the body of a success could not be read,
/// or no response arrived at all (<see cref="StatusCode"/> 0, cause in <see cref="Exception.InnerException"/>).
/// </summary>
public class ApiException : Exception
{
    internal ApiException(
        string message,
        string operationName,
        int statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string? responseBody,
        object? error,
        Exception? innerException)
        : base(message, innerException)
    {
        OperationName = operationName;
        StatusCode = statusCode;
        Headers = headers;
        ResponseBody = responseBody;
        Error = error;
    }

    /// <summary>The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    public string OperationName { get; }

    /// <summary>The HTTP status code, or 0 when no response arrived.</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers (case-insensitive names); empty when no response arrived.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The response body as UTF-8 text, or null when no response arrived.</summary>
    public string? ResponseBody { get; }

    /// <summary>The typed error model parsed from the body, or null when none matched.</summary>
    public object? Error { get; }

    /// <summary>Returns <see cref="Error"/> when it is a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected error model type.</typeparam>
    /// <returns>The error model, or null when there is none or it has another type.</returns>
    public T? GetError<T>() where T : class => Error as T;
}
