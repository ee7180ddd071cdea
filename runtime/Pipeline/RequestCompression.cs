using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace DatadogGen.Pipeline;

/// <summary>
/// Compresses a request body as its Content-Encoding header asks: Datadog's log intake takes
/// <c>Content-Encoding: gzip</c> or <c>deflate</c> as an operation parameter, and the body must match it.
/// </summary>
internal static class RequestCompression
{
    public static ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        for (int i = 0; i < headers.Count; i++)
        {
            KeyValuePair<string, string> header = headers[i];
            if (!header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return header.Value.Trim().ToLowerInvariant() switch
            {
                "gzip" => Compress(body, stream => new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true)),
                "deflate" => Compress(body, stream => new ZLibStream(stream, CompressionLevel.Fastest, leaveOpen: true)),
                _ => body,
            };
        }

        return body;
    }

    private static byte[] Compress(ReadOnlyMemory<byte> body, Func<Stream, Stream> createEncoder)
    {
        using var output = new MemoryStream();
        using (var encoder = createEncoder(output))
        {
            encoder.Write(body.Span);
        }

        return output.ToArray();
    }
}
