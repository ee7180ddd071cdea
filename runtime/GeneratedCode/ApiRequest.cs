using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.IO;
using System.Text;
using System.Threading;
using DatadogGen.Pipeline;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// One HTTP call as generated code describes it: operation, method, escaped path, query, headers and body.
/// It holds no base address or keys; <see cref="ApiClient"/> adds those when it sends the request.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiRequest
{
    private const string JsonContentType = "application/json";

    // Made by the first parameter: most calls have no query or header parameter.
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Creates a request.</summary>
    /// <param name="operationName">The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">
    /// The path starting with '/', every parameter already passed through <see cref="EscapePathSegment"/>.
    /// </param>
    /// <exception cref="ArgumentException">The path does not start with '/' or holds '?' or '#'.</exception>
    public ApiRequest(string operationName, HttpMethod method, string path)
        : this(operationName, method, path, path)
    {
    }

    /// <summary>Creates a request whose path has parameters.</summary>
    /// <param name="operationName">The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path as the spec writes it, e.g. <c>/api/v2/incidents/{incident_id}</c>: what traces and metrics name (<c>url.template</c>), as it does not vary per call.</param>
    /// <param name="path">The escaped path, parameters filled in, starting with '/'.</param>
    public ApiRequest(string operationName, HttpMethod method, string pathTemplate, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationName);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        PathTemplate = pathTemplate;
        if (!path.StartsWith('/') || path.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            throw new ArgumentException($"The path must start with '/' and contain no '?' or '#'; got '{path}'.", nameof(path));
        }

        OperationName = operationName;
        Method = method;
        Path = path;
    }

    /// <summary>The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    public string OperationName { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped path, starting with '/'.</summary>
    public string Path { get; }

    /// <summary>The path as the spec writes it, with its parameters' names in braces.</summary>
    public string PathTemplate { get; }

    // The serialized body: a JSON body lives in an array from the shared pool until the call is over.
    private byte[]? _body;
    private int _bodyLength;
    private bool _bodyPooled;
    private int _sent;

    /// <summary>The serialized body, or null when the request has none.</summary>
    internal ReadOnlyMemory<byte>? Body => _body is { } body ? body.AsMemory(0, _bodyLength) : (ReadOnlyMemory<byte>?)null;

    /// <summary>The media type of <see cref="Body"/>.</summary>
    internal string? BodyContentType { get; private set; }

    /// <summary>The headers added with <see cref="AddHeader"/>, in order.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>Appends a query parameter; repeated names are kept in order.</summary>
    /// <param name="name">The unescaped name.</param>
    /// <param name="value">The unescaped value.</param>
    public void AddQueryParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        (_query ??= []).Add(new(name, value));
    }

    /// <summary>Adds a request header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <exception cref="ArgumentException">The value contains CR, LF or another control character.</exception>
    public void AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (HeaderValue.ContainsControlCharacter(name) || HeaderValue.ContainsControlCharacter(value))
        {
            throw new ArgumentException(
                $"The header '{name.ReplaceLineEndings(" ")}' contains a control character (such as CR or LF).",
                nameof(value));
        }

        (_headers ??= []).Add(new(name, value));
    }

    /// <summary>Sets the JSON body; it is serialized now, once, and the same bytes are sent on every attempt.</summary>
    /// <typeparam name="T">The body's model type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="write">Writes the body.</param>
    /// <param name="contentType">Its media type, when the spec names another than application/json (text/json).</param>
    public void SetJsonBody<T>(T value, JsonValueWriter<T> write, string contentType = JsonContentType)
    {
        byte[] pooled = JsonModel.SerializeToPooledArray(value, write, out int length);
        SetBody(pooled, length, pooled: true);
        BodyContentType = contentType;
    }

    /// <summary>
    /// The host's subdomain for operations served elsewhere than <c>api</c> (log and event intake), or null.
    /// </summary>
    public string? Subdomain { get; set; }

    /// <summary>
    /// The whole host of an operation the spec serves from a fixed address (On-Call paging), or null.
    /// <see cref="Configuration.BaseAddress"/> still takes precedence.
    /// </summary>
    public Uri? ServerAddress { get; set; }

    /// <summary>The credentials the operation accepts; only those are sent.</summary>
    public ApiCredentials Credentials { get; set; } = ApiCredentials.ApiKey | ApiCredentials.ApplicationKey;

    /// <summary>Sets a text body (text/plain, YAML, logplex), sent as UTF-8.</summary>
    /// <param name="text">The body.</param>
    /// <param name="contentType">Its media type.</param>
    public void SetTextBody(string text, string contentType)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        SetBody(bytes, bytes.Length, pooled: false);
        BodyContentType = contentType + "; charset=utf-8";
    }

    /// <summary>Sets a binary body; the stream is read now, so a retry can send the same bytes.</summary>
    /// <param name="content">The body.</param>
    /// <param name="contentType">Its media type.</param>
    public void SetStreamBody(Stream content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        SetBody(buffer.ToArray(), (int)buffer.Length, pooled: false);
        BodyContentType = contentType;
    }

    /// <summary>Sets a multipart/form-data body; it is serialized now, boundary included.</summary>
    /// <param name="form">The form.</param>
    public void SetMultipartBody(MultipartFormDataContent form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var buffer = new MemoryStream();
        form.CopyTo(buffer, context: null, CancellationToken.None);
        SetBody(buffer.ToArray(), (int)buffer.Length, pooled: false);
        BodyContentType = form.Headers.ContentType!.ToString();
    }

    /// <summary>Marks the request as sent: its pooled body goes back to the pool after the call, so a second send would send another call's bytes.</summary>
    /// <exception cref="InvalidOperationException">The request was sent before.</exception>
    internal void MarkSent()
    {
        if (Interlocked.Exchange(ref _sent, 1) != 0)
        {
            throw new InvalidOperationException($"The request of {OperationName} was already sent; an ApiRequest is sent once.");
        }
    }

    /// <summary>
    /// Gives a pooled body back once no one reads it any more: the client's own handler has sent it whole when
    /// the response arrives (HTTP/1.1 sends the content before it reads the response).
    /// </summary>
    internal void ReturnPooledBody()
    {
        if (_bodyPooled && Interlocked.Exchange(ref _body, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void SetBody(byte[] body, int length, bool pooled)
    {
        ReturnPooledBody();
        _body = body;
        _bodyLength = length;
        _bodyPooled = pooled;
    }

    /// <summary>
    /// Escapes a path parameter so that it stays exactly one path segment, whatever it contains.
    /// </summary>
    /// <param name="value">The parameter value.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentException">The value is empty: an empty segment would address another resource.</exception>
    public static string EscapePathSegment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        // EscapeDataString leaves only RFC 3986 unreserved characters, so '/', '?', '#' and '%' are escaped.
        // '.' is unreserved, yet "." and ".." segments are removed by URI normalization (and %2E is decoded
        // back to '.' by System.Uri before it does so), so dots are escaped too; ApiClient sends the URI
        // without canonicalization so the escapes reach the server as written.
        return Uri.EscapeDataString(value).Replace(".", "%2E", StringComparison.Ordinal);
    }

    /// <summary>Builds the absolute request URI: base address, path, then the escaped query.</summary>
    /// <param name="endpoint">The base address; a path in it is kept as a prefix.</param>
    /// <returns>The URI, created so that System.Uri does not unescape or remove any of its segments.</returns>
    internal Uri CreateUri(ServerEndpoint endpoint)
    {
        string text;
        if (_query is null)
        {
            text = endpoint.Prefix + Path;
        }
        else
        {
            var builder = new StringBuilder(endpoint.Prefix).Append(Path);
            for (int i = 0; i < _query.Count; i++)
            {
                builder.Append(i == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(_query[i].Key))
                    .Append('=')
                    .Append(Uri.EscapeDataString(_query[i].Value));
            }

            text = builder.ToString();
        }

        // Every part of the path and query was escaped above; canonicalization would only undo that
        // (see EscapePathSegment).
        return new Uri(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }
}
