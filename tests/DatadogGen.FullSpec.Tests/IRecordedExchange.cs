using System.Collections.Generic;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// What a replay through the generated client needs of one recorded request and its response, whichever format
/// recorded it (a vcr cassette, a conformance scenario), so both replays share one way to call and to check.
/// </summary>
internal interface IRecordedExchange
{
    /// <summary>The HTTP method, upper case.</summary>
    string Method { get; }

    /// <summary>The request path as sent (percent-encoded), without the query.</summary>
    string Path { get; }

    /// <summary>The query as decoded (name, value) pairs.</summary>
    IReadOnlyList<(string Name, string Value)> Query { get; }

    /// <summary>The request body's JSON text, or null when the request had none.</summary>
    string? RequestBody { get; }

    bool HasRequestBody { get; }

    int Status { get; }

    /// <summary>The response body's text, empty when there was none.</summary>
    string ResponseBody { get; }

    bool HasJsonResponseBody { get; }
}
