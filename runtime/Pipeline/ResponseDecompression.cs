using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace DatadogGen.Pipeline;

/// <summary>
/// Decodes a body whose Content-Encoding is still set. The client's own handler leaves decompression to this
/// class so that an injected HttpClient (which may not decompress) gets the same behaviour; a handler that does
/// decompress removes Content-Encoding, so nothing is decoded twice.
/// </summary>
internal static class ResponseDecompression
{
    /// <summary>The body with every listed coding undone, last applied first, or null when there is none to undo.</summary>
    /// <exception cref="InvalidDataException">The body is not valid for its coding.</exception>
    /// <exception cref="NotSupportedException">A coding other than gzip, deflate, br or identity.</exception>
    public static byte[]? Decode(ReadOnlySpan<byte> encoded, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        if (encoded.IsEmpty || !headers.TryGetValue("Content-Encoding", out IReadOnlyList<string>? values))
        {
            return null;
        }

        byte[] body = encoded.ToArray();
        // "Content-Encoding: gzip, br" means gzip was applied first, so br is undone first.
        var codings = new List<string>();
        foreach (string value in values)
        {
            codings.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        for (int i = codings.Count - 1; i >= 0; i--)
        {
            body = codings[i].ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => Inflate(body, static s => new GZipStream(s, CompressionMode.Decompress)),
                // HTTP's "deflate" is the zlib format (RFC 9110, section 8.4.1.2), not raw DEFLATE.
                "deflate" => Inflate(body, static s => new ZLibStream(s, CompressionMode.Decompress)),
                "br" => Inflate(body, static s => new BrotliStream(s, CompressionMode.Decompress)),
                "identity" => body,
                _ => throw new NotSupportedException($"the Content-Encoding '{codings[i]}' is not supported"),
            };
        }

        return body;
    }

    private static byte[] Inflate(byte[] body, Func<Stream, Stream> createDecoder)
    {
        using var input = new MemoryStream(body, writable: false);
        using Stream decoder = createDecoder(input);
        using var output = new MemoryStream(body.Length * 4);
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
