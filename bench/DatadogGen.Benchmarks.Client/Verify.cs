using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Gen = DatadogGen.Benchmarks.Client.Datadog;
using GenV2 = DatadogGen.Benchmarks.Client.V2;
using Poco = DatadogGen.Benchmarks.Client.Pocos;

namespace DatadogGen.Benchmarks.Client;

/// <summary><c>verify</c> mode: the variants compared in the benchmarks do the same job.</summary>
internal static class Verify
{
    private static int s_failures;

    public static async Task<int> RunAsync()
    {
        var bench = new SerializerBenchmarks();
        bench.Setup();

        // Every serializer writes the reference request byte for byte.
        Check("request, STJ source gen", bench.Request_StjSourceGen(), Payloads.RequestUtf8);
        Check("request, STJ reflection", bench.Request_StjReflection(), Payloads.RequestUtf8);
        Check("request, generated via JsonSerializer", bench.Request_Generated_JsonSerializer(), Payloads.RequestUtf8);
        Check("request, generated direct", bench.Request_Generated_Direct(), Payloads.RequestUtf8);
        Check("request, hand-written", bench.Request_HandWrittenWriter(), Payloads.RequestUtf8);
        Console.WriteLine($"request: {Payloads.RequestUtf8.Length} B; 201 response: {Payloads.CreatedResponseUtf8.Length} B");

        // Every deserializer reads the 201 response completely; the generated model writes it back unchanged.
        string expected = Summary(bench.Created_StjSourceGen());
        Same("201, STJ reflection", Summary(bench.Created_StjReflection()), expected);
        Same("201, hand-written", Summary(HandWritten.ReadAttachment(Payloads.CreatedResponseUtf8)), expected);
        Gen.Attachment generated = bench.Created_Generated_Direct();
        Same("201, generated", $"{generated.Data!.Id}|{generated.Data.Attributes.Attachment!.DocumentUrl}|{generated.Data.Attributes.Modified:O}|{generated.Included![0].IncidentUserData!.Attributes!.Email}", expected);
        JsonEqual("201, generated round trip", JsonModel.Serialize(generated, JsonValue<Gen.Attachment>.Write), Payloads.CreatedResponseUtf8);
        Gen.Attachment viaSerializer = bench.Created_Generated_JsonSerializer();
        JsonEqual("201, generated via JsonSerializer round trip", JsonModel.Serialize(viaSerializer, JsonValue<Gen.Attachment>.Write), Payloads.CreatedResponseUtf8);

#if LARGE_BODY
        byte[] large = Payloads.LargeResponseUtf8();
        Console.WriteLine($"ListIncidents body: {large.Length:N0} B ({Payloads.LargeCassette})");
        GenV2.IncidentsResponse gen = bench.Large_Read_Generated_Direct();
        Poco.IncidentsResponse poco = bench.Large_Read_StjSourceGen();
        Poco.IncidentsResponse pocoReflection = bench.Large_Read_StjReflection();
        Same("large, incident count", gen.Data.Count.ToString(), poco.Data!.Count.ToString());
        for (int i = 0; i < gen.Data.Count; i++)
        {
            var g = gen.Data[i].Attributes!;
            var p = poco.Data[i].Attributes!;
            Same($"large[{i}]", $"{g.Title}|{g.Created:O}|{g.PublicId}|{g.Fields!.Count}|{g.Severity}", $"{p.Title}|{p.Created:O}|{p.PublicId}|{p.Fields!.Count}|{p.Severity}");
            Same($"large[{i}] reflection", $"{p.Title}|{p.Fields.Count}", $"{pocoReflection.Data![i].Attributes!.Title}|{pocoReflection.Data[i].Attributes!.Fields!.Count}");
            int unknown = g.AdditionalProperties.Count;
            if (i == 0)
            {
                Console.WriteLine($"  properties the spec lacks, kept by the generated model per incident: {unknown} ({string.Join(", ", g.AdditionalProperties.Keys)})");
            }
        }

        int singles = 0, multiples = 0;
        foreach (var d in gen.Data)
        {
            foreach (var f in d.Attributes!.Fields!.Values)
            {
                if (f.IncidentFieldAttributesSingleValue is not null) singles++;
                else if (f.IncidentFieldAttributesMultipleValue is not null) multiples++;
                else Fail($"a field did not match a variant: {f.UnparsedObject}");
            }
        }

        Console.WriteLine($"  oneOf fields read: {singles} single-value, {multiples} multiple-value");
        JsonEqual("large, generated round trip (lossless)", bench.Large_Write_Generated_Direct(), large);
        JsonEqual("large, generated via JsonSerializer round trip", bench.Large_Write_Generated_JsonSerializer(), large);
        Console.WriteLine($"  serialized sizes: generated {bench.Large_Write_Generated_Direct().Length:N0} B, STJ source gen {bench.Large_Write_StjSourceGen().Length:N0} B, STJ reflection {bench.Large_Write_StjReflection().Length:N0} B (input {large.Length:N0} B)");
#endif

        // Both wire clients send the same request and read the response.
        var bodies = new ConcurrentQueue<(string Headers, byte[] Body)>();
        var (app, address) = await LoopbackServer.StartAsync((request, body) =>
            bodies.Enqueue(($"{request.Method} {request.Path} ct={request.ContentType} ua={request.Headers.UserAgent} accept={request.Headers.Accept} ae={request.Headers.AcceptEncoding} keys={request.Headers["DD-API-KEY"]}/{request.Headers["DD-APPLICATION-KEY"]}", body)));
        try
        {
            using var generatedCaller = new GeneratedCaller(address);
            using var rawCaller = new RawCaller(address);
            Same("wire, generated id", await generatedCaller.CallAsync(CancellationToken.None), "00000000-abcd-0002-0000-000000000000");
            Same("wire, raw id", await rawCaller.CallAsync(CancellationToken.None), "00000000-abcd-0002-0000-000000000000");
            bodies.TryDequeue(out var fromGenerated);
            bodies.TryDequeue(out var fromRaw);
            Same("wire, request line and headers", fromRaw.Headers, fromGenerated.Headers);
            Console.WriteLine("  " + fromGenerated.Headers);
            Check("wire, generated body", fromGenerated.Body, Payloads.RequestUtf8);
            Check("wire, raw body", fromRaw.Body, Payloads.RequestUtf8);
        }
        finally
        {
            await app.StopAsync();
        }

        Console.WriteLine(s_failures == 0 ? "verify: all checks passed" : $"verify: {s_failures} FAILED");
        return s_failures == 0 ? 0 : 1;
    }

    private static string Summary(Poco.Attachment a) =>
        $"{a.Data!.Id}|{a.Data.Attributes!.Attachment!.DocumentUrl}|{a.Data.Attributes.Modified:O}|{a.Included![0].Attributes!.Email}";

    private static void Check(string what, byte[] actual, byte[] expected)
    {
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            Fail($"{what}: bytes differ\n  got      {Encoding.UTF8.GetString(actual)}\n  expected {Encoding.UTF8.GetString(expected)}");
        }
    }

    private static void Same(string what, string actual, string expected)
    {
        if (actual != expected)
        {
            Fail($"{what}: '{actual}' != '{expected}'");
        }
    }

    private static void JsonEqual(string what, byte[] actual, byte[] expected)
    {
        // Date-times compare as instants: DateTimeOffset keeps 7 fractional digits and writes its own form.
        JsonNode? a = Normalize(JsonNode.Parse(actual)), e = Normalize(JsonNode.Parse(expected));
        if (!JsonNode.DeepEquals(a, e))
        {
            Fail($"{what}: JSON differs\n  got      {a?.ToJsonString()[..Math.Min(600, a.ToJsonString().Length)]}\n  expected {e?.ToJsonString()[..Math.Min(600, e.ToJsonString().Length)]}");
        }
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in new System.Collections.Generic.List<string>(System.Linq.Enumerable.Select(o, p => p.Key)))
                {
                    o[key] = Normalize(o[key]?.DeepClone());
                }

                return o;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++)
                {
                    arr[i] = Normalize(arr[i]?.DeepClone());
                }

                return arr;
            case JsonValue v when v.TryGetValue(out string? text) && text.Length >= 20 && text[4] == '-' && text[10] == 'T'
                && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant):
                return JsonValue.Create(instant.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            default:
                return node;
        }
    }

    private static void Fail(string message)
    {
        s_failures++;
        Console.WriteLine("FAIL " + message);
    }
}
