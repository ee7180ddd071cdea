using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gen = DatadogGen.Benchmarks.Client.Datadog;
using GenV2 = DatadogGen.Benchmarks.Client.V2;
using Poco = DatadogGen.Benchmarks.Client.Pocos;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// Our generated converters against System.Text.Json (reflection, and its own source generator) on equivalent
/// hand-written classes, in one run. Every serializer produces a byte[]; every deserializer reads a byte[].
/// Per category, the baseline is System.Text.Json source generation.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializerBenchmarks
{
    private const string SerializeRequest = "Serialize request (335 B)";
    private const string DeserializeCreated = "Deserialize 201 response (629 B)";
    private const string DeserializeLarge = "Deserialize ListIncidents 200 (15 KB)";
    private const string SerializeLarge = "Serialize ListIncidents 200 (15 KB)";

    private static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.General)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private Gen.PostmortemAttachmentRequest _genRequest = null!;
    private Poco.PostmortemAttachmentRequest _pocoRequest = null!;
    private byte[] _created = null!;
    private byte[] _large = null!;
    private JsonTypeInfo<Gen.PostmortemAttachmentRequest> _genRequestInfo = null!;
    private JsonTypeInfo<Gen.Attachment> _genAttachmentInfo = null!;
    private JsonTypeInfo<GenV2.IncidentsResponse> _genIncidentsInfo = null!;
    private GenV2.IncidentsResponse _genLarge = null!;
    private Poco.IncidentsResponse _pocoLarge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _genRequest = Payloads.GeneratedRequest();
        _pocoRequest = Payloads.PocoRequest();
        _created = Payloads.CreatedResponseUtf8;
        _large = Payloads.LargeResponseUtf8();
        // The documented path (issue 13): the generated context's property per type.
        _genRequestInfo = Gen.DatadogJson.Default.PostmortemAttachmentRequest;
        _genAttachmentInfo = Gen.DatadogJson.Default.Attachment;
        _genIncidentsInfo = GenV2.DatadogJson.Default.IncidentsResponse;
        _genLarge = JsonModel.Deserialize(_large, JsonValue<GenV2.IncidentsResponse>.Read);
        _pocoLarge = JsonSerializer.Deserialize(_large, Pocos.PocoJsonContext.Default.IncidentsResponse)!;
    }

    // ---- serialize the reference request ----

    [Benchmark(Baseline = true), BenchmarkCategory(SerializeRequest)]
    public byte[] Request_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_pocoRequest, Pocos.PocoJsonContext.Default.PostmortemAttachmentRequest);

    [Benchmark, BenchmarkCategory(SerializeRequest)]
    public byte[] Request_StjReflection() => JsonSerializer.SerializeToUtf8Bytes(_pocoRequest, ReflectionOptions);

    [Benchmark, BenchmarkCategory(SerializeRequest)]
    public byte[] Request_Generated_JsonSerializer() => JsonSerializer.SerializeToUtf8Bytes(_genRequest, _genRequestInfo);

    /// <summary>What the client does on every call (ApiRequest.SetJsonBody -> JsonModel.Serialize).</summary>
    [Benchmark, BenchmarkCategory(SerializeRequest)]
    public byte[] Request_Generated_Direct() => JsonModel.Serialize(_genRequest, JsonValue<Gen.PostmortemAttachmentRequest>.Write);

    [Benchmark, BenchmarkCategory(SerializeRequest)]
    public byte[] Request_HandWrittenWriter()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            HandWritten.WriteRequest(writer, _pocoRequest);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // ---- deserialize the reference 201 response ----

    [Benchmark(Baseline = true), BenchmarkCategory(DeserializeCreated)]
    public Poco.Attachment Created_StjSourceGen() => JsonSerializer.Deserialize(_created, Pocos.PocoJsonContext.Default.Attachment)!;

    [Benchmark, BenchmarkCategory(DeserializeCreated)]
    public Poco.Attachment Created_StjReflection() => JsonSerializer.Deserialize<Poco.Attachment>(_created, ReflectionOptions)!;

    [Benchmark, BenchmarkCategory(DeserializeCreated)]
    public Gen.Attachment Created_Generated_JsonSerializer() => JsonSerializer.Deserialize(_created, _genAttachmentInfo)!;

    /// <summary>What the client does on every call (JsonModel.Deserialize with the generated ReadJson).</summary>
    [Benchmark, BenchmarkCategory(DeserializeCreated)]
    public Gen.Attachment Created_Generated_Direct() => JsonModel.Deserialize(_created, JsonValue<Gen.Attachment>.Read);

    [Benchmark, BenchmarkCategory(DeserializeCreated)]
    public Poco.Attachment Created_HandWrittenReader() => HandWritten.ReadAttachment(_created);

    // ---- deserialize a recorded ListIncidents response ----

    [Benchmark(Baseline = true), BenchmarkCategory(DeserializeLarge)]
    public Poco.IncidentsResponse Large_Read_StjSourceGen() => JsonSerializer.Deserialize(_large, Pocos.PocoJsonContext.Default.IncidentsResponse)!;

    [Benchmark, BenchmarkCategory(DeserializeLarge)]
    public Poco.IncidentsResponse Large_Read_StjReflection() => JsonSerializer.Deserialize<Poco.IncidentsResponse>(_large, ReflectionOptions)!;

    [Benchmark, BenchmarkCategory(DeserializeLarge)]
    public GenV2.IncidentsResponse Large_Read_Generated_JsonSerializer() => JsonSerializer.Deserialize(_large, _genIncidentsInfo)!;

    [Benchmark, BenchmarkCategory(DeserializeLarge)]
    public GenV2.IncidentsResponse Large_Read_Generated_Direct() => JsonModel.Deserialize(_large, JsonValue<GenV2.IncidentsResponse>.Read);

    // ---- serialize it back ----

    [Benchmark(Baseline = true), BenchmarkCategory(SerializeLarge)]
    public byte[] Large_Write_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_pocoLarge, Pocos.PocoJsonContext.Default.IncidentsResponse);

    [Benchmark, BenchmarkCategory(SerializeLarge)]
    public byte[] Large_Write_StjReflection() => JsonSerializer.SerializeToUtf8Bytes(_pocoLarge, ReflectionOptions);

    [Benchmark, BenchmarkCategory(SerializeLarge)]
    public byte[] Large_Write_Generated_JsonSerializer() => JsonSerializer.SerializeToUtf8Bytes(_genLarge, _genIncidentsInfo);

    [Benchmark, BenchmarkCategory(SerializeLarge)]
    public byte[] Large_Write_Generated_Direct() => JsonModel.Serialize(_genLarge, JsonValue<GenV2.IncidentsResponse>.Write);
}
