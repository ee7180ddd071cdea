using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>Runs generated reader and writer delegates over whole JSON documents.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonModel
{
    /// <summary>Reads a non-null generated value at the reader's current token.</summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>The value.</returns>
    public static T Read<T>(ref Utf8JsonReader reader)
        where T : IJsonValue<T> => T.ReadJson(ref reader);

    /// <summary>Writes a non-null generated value.</summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write<T>(Utf8JsonWriter writer, T value)
        where T : IJsonValue<T>
    {
        // A model through one virtual call, where code shared by every model type would look T's static writer up
        // at run time.
        if (value is ApiModel model)
        {
            model.WriteObject(writer);
        }
        else
        {
            T.WriteJson(writer, value);
        }
    }

    /// <summary>Reads a whole JSON document with <paramref name="read"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="read">Reads the root value.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">
    /// The input is empty, is not JSON, or has anything but whitespace after the root value.
    /// </exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        utf8Json = SkipByteOrderMark(utf8Json);
        if (IsWhiteSpace(utf8Json))
        {
            throw new JsonException("The response body is empty");
        }

        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        T value = read(ref reader);
        ThrowIfNotAtEndOfRootValue(ref reader);
        // Reading on would throw too, but with a reader-internal message; this says what is wrong.
        if (!IsWhiteSpace(utf8Json[(int)reader.BytesConsumed..]))
        {
            throw new JsonException(
                $"Unexpected data after the end of the JSON value at byte {reader.BytesConsumed}.");
        }

        return value;
    }

    /// <summary>
    /// Reads a whole JSON document like <see cref="Deserialize{T}"/>, but reports failure instead of throwing,
    /// so generated code can try several models in turn (an error body: the declared model, then JSON:API, then
    /// APIErrorResponse). Any exception of the reader counts as "does not fit", a bug's included.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="read">Reads the root value.</param>
    /// <param name="value">The value read, or default when the document does not fit.</param>
    /// <returns>Whether the whole document was read.</returns>
    public static bool TryDeserialize<T>(ReadOnlySpan<byte> utf8Json, JsonValueReader<T> read, [MaybeNullWhen(false)] out T value)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            value = Deserialize(utf8Json, read);
            return true;
        }
        catch (Exception)
        {
            value = default;
            return false;
        }
    }

    /// <summary>Writes <paramref name="value"/> as one compact JSON document.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The value to write.</param>
    /// <param name="write">Writes the root value.</param>
    /// <returns>The document, UTF-8.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="write"/> wrote no value or an incomplete one.</exception>
    public static byte[] Serialize<T>(T value, JsonValueWriter<T> write)
    {
        SerializationBuffer rented = SerializationBuffer.Rent();
        try
        {
            return WriteDocument(value, write, rented).ToArray();
        }
        finally
        {
            SerializationBuffer.Return(rented);
        }
    }

    /// <summary>
    /// As <see cref="Serialize{T}"/>, into an array from the shared pool (longer than the document): a request
    /// body, which <see cref="ApiClient"/> gives back to the pool once the call is over.
    /// </summary>
    internal static byte[] SerializeToPooledArray<T>(T value, JsonValueWriter<T> write, out int length)
    {
        SerializationBuffer rented = SerializationBuffer.Rent();
        try
        {
            ReadOnlySpan<byte> document = WriteDocument(value, write, rented);
            byte[] array = ArrayPool<byte>.Shared.Rent(document.Length);
            document.CopyTo(array);
            length = document.Length;
            return array;
        }
        finally
        {
            SerializationBuffer.Return(rented);
        }
    }

    private static ReadOnlySpan<byte> WriteDocument<T>(T value, JsonValueWriter<T> write, SerializationBuffer rented)
    {
        ArgumentNullException.ThrowIfNull(write);
        Utf8JsonWriter writer = rented.Writer;
        write(writer, value);
        if (writer.CurrentDepth != 0)
        {
            throw new InvalidOperationException("The JSON writer delegate left an object or array open.");
        }

        writer.Flush();
        if (rented.Buffer.WrittenCount == 0)
        {
            throw new InvalidOperationException("The JSON writer delegate wrote nothing.");
        }

        return rented.Buffer.WrittenSpan;
    }

    /// <summary>
    /// A buffer and writer kept per thread, as System.Text.Json keeps its own: a request body then costs one
    /// array, not a growing buffer and a writer each time. Validation is off because the writers are generated
    /// code (the depth check above still catches an unbalanced one). A nested Serialize on the same thread finds
    /// the slot empty and gets a fresh pair, so rentals never share state.
    /// </summary>
    private sealed class SerializationBuffer
    {
        // Bodies larger than this return their memory to the GC instead of pinning it to the thread.
        private const int MaxRetainedBytes = 64 * 1024;

        [ThreadStatic]
        private static SerializationBuffer? t_cached;

        private SerializationBuffer()
        {
            Buffer = new ArrayBufferWriter<byte>(1024);
            Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { SkipValidation = true });
        }

        public ArrayBufferWriter<byte> Buffer { get; }

        public Utf8JsonWriter Writer { get; }

        public static SerializationBuffer Rent()
        {
            SerializationBuffer? cached = t_cached;
            t_cached = null;
            return cached ?? new SerializationBuffer();
        }

        public static void Return(SerializationBuffer rented)
        {
            if (rented.Buffer.Capacity > MaxRetainedBytes)
            {
                rented.Writer.Dispose();
                return;
            }

            rented.Buffer.ResetWrittenCount();
            rented.Writer.Reset(rented.Buffer);
            t_cached = rented;
        }
    }

    // A reader delegate that returns early (e.g. on a start token) would otherwise pass as a complete read.
    private static void ThrowIfNotAtEndOfRootValue(ref Utf8JsonReader reader)
    {
        bool atEnd = reader.CurrentDepth == 0 && reader.TokenType is not
            (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName or JsonTokenType.None);
        if (!atEnd)
        {
            throw new JsonException(
                $"The reader stopped inside the JSON value (on {reader.TokenType} at byte {reader.TokenStartIndex}).");
        }
    }

    // Utf8JsonReader rejects a BOM, though some servers and proxies prepend one to UTF-8 bodies.
    private static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    // JSON whitespace is exactly these four bytes (RFC 8259, section 2).
    private static bool IsWhiteSpace(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
