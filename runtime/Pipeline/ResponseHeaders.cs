using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Net.Http.Headers;

namespace DatadogGen.Pipeline;

/// <summary>Copies the headers of a response into the read-only shape that responses and exceptions expose.</summary>
internal static class ResponseHeaders
{
    /// <summary>The headers of "no response".</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Response headers and content headers together, since callers do not care which is which. Copied into a
    /// dictionary only when a caller enumerates them: a successful call looks up one or two by name, if any.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(HttpResponseMessage response) =>
        new HeaderMap(response.Headers, response.Content.Headers);

    /// <summary>
    /// Headers given by a caller (a test's fake response), looked up case-insensitively as real ones are. The
    /// client's own (a response's, or none) are returned as they are; null is none.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CaseInsensitive(IReadOnlyDictionary<string, IReadOnlyList<string>>? headers)
    {
        if (headers is null)
        {
            return None;
        }

        if (headers is HeaderMap || ReferenceEquals(headers, None))
        {
            return headers;
        }

        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IReadOnlyList<string>> header in headers)
        {
            copy[header.Key] = header.Value;
        }

        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(copy);
    }

    /// <summary>The first value of a header, trimmed, or null when the header is absent.</summary>
    public static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string name) =>
        headers.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0].Trim() : null;

    // NonValidated returns the raw values: no parsing cost and no exception on a malformed header. A name in
    // both collections (which HttpClient does not produce) gets the values of both.
    private static IReadOnlyList<string>? Values(HttpHeaders first, HttpHeaders second, string name)
    {
        string[]? values = first.NonValidated.TryGetValues(name, out HeaderStringValues found) ? ToArray(found) : null;
        if (second.NonValidated.TryGetValues(name, out HeaderStringValues more))
        {
            values = values is null ? ToArray(more) : [.. values, .. ToArray(more)];
        }

        return values;
    }

    private static string[] ToArray(HeaderStringValues values)
    {
        var array = new string[values.Count];
        var index = 0;
        foreach (string value in values)
        {
            array[index++] = value;
        }

        return array;
    }

    // The headers objects outlive the disposed response (disposing clears content, not headers).
    private sealed class HeaderMap(HttpHeaders responseHeaders, HttpHeaders contentHeaders) : IReadOnlyDictionary<string, IReadOnlyList<string>>
    {
        private Dictionary<string, IReadOnlyList<string>>? _all;

        public int Count => All.Count;

        public IEnumerable<string> Keys => All.Keys;

        public IEnumerable<IReadOnlyList<string>> Values => All.Values;

        public IReadOnlyList<string> this[string key] =>
            TryGetValue(key, out IReadOnlyList<string>? values) ? values : throw new KeyNotFoundException($"No header '{key}'.");

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<string> value)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (_all is { } all)
            {
                return all.TryGetValue(key, out value);
            }

            value = ResponseHeaders.Values(responseHeaders, contentHeaders, key);
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => All.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private Dictionary<string, IReadOnlyList<string>> All => _all ??= Copy();

        private Dictionary<string, IReadOnlyList<string>> Copy()
        {
            var all = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (HttpHeaders source in (ReadOnlySpan<HttpHeaders>)[responseHeaders, contentHeaders])
            {
                foreach (KeyValuePair<string, HeaderStringValues> header in source.NonValidated)
                {
                    all[header.Key] = all.TryGetValue(header.Key, out IReadOnlyList<string>? earlier)
                        ? [.. earlier, .. ToArray(header.Value)]
                        : ToArray(header.Value);
                }
            }

            return all;
        }
    }
}
