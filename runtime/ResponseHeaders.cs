using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Net.Http;
using System.Net.Http.Headers;

namespace DatadogGen;

/// <summary>Copies the headers of a response into the read-only shape that responses and exceptions expose.</summary>
internal static class ResponseHeaders
{
    /// <summary>The headers of "no response".</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Response headers and content headers together, since callers do not care which is which.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers);
        Add(headers, response.Content.Headers);

        var result = new Dictionary<string, IReadOnlyList<string>>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, List<string>> header in headers)
        {
            result.Add(header.Key, header.Value.AsReadOnly());
        }

        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(result);
    }

    /// <summary>The first value of a header, trimmed, or null when the header is absent.</summary>
    public static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string name) =>
        headers.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0].Trim() : null;

    // NonValidated returns the raw values: no parsing cost and no exception on a malformed header.
    private static void Add(Dictionary<string, List<string>> target, HttpHeaders source)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in source.NonValidated)
        {
            if (!target.TryGetValue(header.Key, out List<string>? values))
            {
                values = [];
                target.Add(header.Key, values);
            }

            foreach (string value in header.Value)
            {
                values.Add(value);
            }
        }
    }
}
