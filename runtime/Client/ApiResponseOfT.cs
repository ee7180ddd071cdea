using System.Collections.Generic;

namespace DatadogGen;

/// <summary>A successful response with its parsed body.</summary>
/// <typeparam name="T">The result type of the operation.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    internal ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, T data)
        : base(statusCode, headers)
    {
        Data = data;
    }

    /// <summary>The parsed response body.</summary>
    public T Data { get; }
}
