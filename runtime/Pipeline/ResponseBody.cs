using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.Pipeline;

/// <summary>
/// A response body, read into an array rented from the shared pool. A body is needed only until its attempt is
/// settled: parsed into the result, or turned into the exception's text and error model. Readers take it as a
/// span, so none can keep it, and the array goes back to the pool then: a call allocates no array for its body.
/// A struct, held by its one owner (<see cref="RawResponse"/>), so a body costs no object either.
/// </summary>
internal struct ResponseBody
{
    // Bodies without a Content-Length (chunked) start here and double.
    private const int UnknownLengthStart = 4096;

    private readonly bool _pooled;
    private readonly int _length;
    private byte[]? _array;

    private ResponseBody(byte[] array, int length, bool pooled)
    {
        _array = array;
        _length = length;
        _pooled = pooled;
    }

    public static ResponseBody Empty => new([], 0, pooled: false);

    public readonly ReadOnlySpan<byte> Span =>
        _array is { } array ? array.AsSpan(0, _length) : throw new ObjectDisposedException(nameof(ResponseBody), "The response body was read after its attempt was settled.");

    public static ResponseBody Of(byte[] bytes) => new(bytes, bytes.Length, pooled: false);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared == 0)
        {
            return Empty;
        }

        byte[] array = ArrayPool<byte>.Shared.Rent(declared is > 0 and <= int.MaxValue ? (int)declared.Value : UnknownLengthStart);
        int length = 0;
        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            // HttpClient ends the stream at the declared length: stopping there saves a read that returns 0.
            while (length != declared)
            {
                if (length == array.Length)
                {
                    array = Grow(array, length);
                }

                int read = await stream.ReadAsync(array.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }

        return new ResponseBody(array, length, pooled: true);
    }

    /// <summary>Gives the array back to the pool; the body must not be read after this.</summary>
    public void Release()
    {
        if (_pooled && Interlocked.Exchange(ref _array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private static byte[] Grow(byte[] array, int length)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(checked(array.Length * 2));
        array.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(array);
        return larger;
    }
}
