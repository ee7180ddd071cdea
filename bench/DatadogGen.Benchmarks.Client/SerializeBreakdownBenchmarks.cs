using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Gen = DatadogGen.Benchmarks.Client.Datadog;
using Poco = DatadogGen.Benchmarks.Client.Pocos;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// Where the request-serialization time goes: every variant writes the reference request into the same reused,
/// pre-grown buffer (no output allocation), so what remains is the writer calls themselves; plus the direct path
/// rebuilt the way JsonSerializer does it (cached writer and buffer, SkipValidation, one ToArray), which is the
/// fix proposed for JsonModel.Serialize.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class SerializeBreakdownBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _validating = null!;
    private Utf8JsonWriter _skipValidation = null!;
    private Gen.PostmortemAttachmentRequest _gen = null!;
    private Poco.PostmortemAttachmentRequest _poco = null!;
    private JsonTypeInfo<Gen.PostmortemAttachmentRequest> _genInfo = null!;

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    [GlobalSetup]
    public void Setup()
    {
        _validating = new Utf8JsonWriter(_buffer);
        _skipValidation = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _gen = Payloads.GeneratedRequest();
        _poco = Payloads.PocoRequest();
        _genInfo = Gen.DatadogJson.Default.PostmortemAttachmentRequest;
    }

    private Utf8JsonWriter Reset(Utf8JsonWriter writer)
    {
        _buffer.ResetWrittenCount();
        writer.Reset(_buffer);
        return writer;
    }

    [Benchmark(Baseline = true)]
    public int StjSourceGen_FastPath_ReusedWriter()
    {
        var writer = Reset(_skipValidation);
        JsonSerializer.Serialize(writer, _poco, Pocos.PocoJsonContext.Default.PostmortemAttachmentRequest);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Generated_ViaJsonSerializer_ReusedWriter()
    {
        var writer = Reset(_skipValidation);
        JsonSerializer.Serialize(writer, _gen, _genInfo);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Generated_WriteJson_ReusedWriter_SkipValidation()
    {
        var writer = Reset(_skipValidation);
        JsonModel.Write<Gen.PostmortemAttachmentRequest>(writer, _gen);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Generated_WriteJson_ReusedWriter_Validating()
    {
        var writer = Reset(_validating);
        JsonModel.Write<Gen.PostmortemAttachmentRequest>(writer, _gen);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int HandWritten_ReusedWriter_SkipValidation()
    {
        var writer = Reset(_skipValidation);
        HandWritten.WriteRequest(writer, _poco);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>JsonModel.Serialize as it is: new ArrayBufferWriter (grown to 4 KB by the writer), new validating writer, ToArray.</summary>
    [Benchmark]
    public byte[] Generated_JsonModelSerialize_AsIs() => JsonModel.Serialize(_gen, JsonValue<Gen.PostmortemAttachmentRequest>.Write);

    /// <summary>The proposed JsonModel.Serialize: a cached buffer and SkipValidation writer per thread, one ToArray.</summary>
    [Benchmark]
    public byte[] Generated_JsonModelSerialize_Proposed()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(buffer);
        JsonModel.Write<Gen.PostmortemAttachmentRequest>(writer, _gen);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    [Benchmark]
    public byte[] Generated_SerializeToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(_gen, _genInfo);

    [Benchmark]
    public byte[] StjSourceGen_SerializeToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(_poco, Pocos.PocoJsonContext.Default.PostmortemAttachmentRequest);
}
