using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Gen = DatadogGen.Benchmarks.Client.Datadog;
using GenV2 = DatadogGen.Benchmarks.Client.V2;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// <c>profile</c> mode: attributes the cost of the generated paths to their parts (first-chance exceptions,
/// allocations of single steps, the large body with parts taken out). Single-threaded Stopwatch loops: indicative,
/// the BenchmarkDotNet numbers are the reference.
/// </summary>
internal static class Profile
{
    public static async System.Threading.Tasks.Task<int> RunAsync(string[] args)
    {
        // --observed: listeners on the DatadogGen and System.Net.Http sources and meters, as in the load run.
        using ObservabilityOn? observability = Array.IndexOf(args, "--observed") >= 0 ? new ObservabilityOn() : null;
        int exceptions = 0;
        AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref exceptions);

        var bench = new SerializerBenchmarks();
        bench.Setup();

        Measure("request: JsonModel.Serialize (generated direct)", () => bench.Request_Generated_Direct(), ref exceptions);
        Measure("request: JsonSerializer + generated JsonTypeInfo", () => bench.Request_Generated_JsonSerializer(), ref exceptions);
        Measure("request: STJ source gen", () => bench.Request_StjSourceGen(), ref exceptions);
        Measure("request: generated WriteJson into a reused buffer, SkipValidation", ReusedWriter(), ref exceptions);
        Measure("request: generated WriteJson into a reused buffer, validation on", ReusedWriter(skipValidation: false), ref exceptions);
        Measure("201: JsonModel.Deserialize (generated direct)", () => bench.Created_Generated_Direct(), ref exceptions);
        Measure("201: STJ source gen", () => bench.Created_StjSourceGen(), ref exceptions);

#if LARGE_BODY
        byte[] large = Payloads.LargeResponseUtf8();
        Measure("ListIncidents: generated direct", () => JsonModel.Deserialize(large, JsonValue<GenV2.IncidentsResponse>.Read), ref exceptions);
        Measure("ListIncidents: STJ source gen", () => bench.Large_Read_StjSourceGen(), ref exceptions);

        // The same body without the 4 properties the spec lacks (kept as JsonElement by the generated model).
        byte[] known = Edit(large, attributes =>
        {
            foreach (string name in new[] { "last_modified_by_uuid", "created_by_uuid", "creation_idempotency_key", "field_analytics" })
            {
                attributes.Remove(name);
            }
        });
        Measure("ListIncidents without unknown properties: generated", () => JsonModel.Deserialize(known, JsonValue<GenV2.IncidentsResponse>.Read), ref exceptions);
        Measure("ListIncidents without unknown properties: STJ source gen", () => JsonSerializer.Deserialize(known, Pocos.PocoJsonContext.Default.IncidentsResponse), ref exceptions);

        // ... and also without "fields" (the oneOf map, 8 entries per incident).
        byte[] noUnions = Edit(known, attributes => attributes.Remove("fields"));
        Measure("ListIncidents without unknown properties and fields: generated", () => JsonModel.Deserialize(noUnions, JsonValue<GenV2.IncidentsResponse>.Read), ref exceptions);
        Measure("ListIncidents without unknown properties and fields: STJ source gen", () => JsonSerializer.Deserialize(noUnions, Pocos.PocoJsonContext.Default.IncidentsResponse), ref exceptions);

        // One oneOf value of each kind.
        byte[] single = """{"type":"dropdown","value":"active"}"""u8.ToArray();
        byte[] singleNull = """{"type":"textbox","value":null}"""u8.ToArray();
        byte[] multipleNull = """{"type":"autocomplete","value":null}"""u8.ToArray();
        byte[] multiple = """{"type":"autocomplete","value":["a","b"]}"""u8.ToArray();
        Measure("oneOf field {dropdown, \"active\"}: generated", () => JsonModel.Deserialize(single, JsonValue<GenV2.IncidentFieldAttributes>.Read), ref exceptions);
        Measure("oneOf field {textbox, null}: generated", () => JsonModel.Deserialize(singleNull, JsonValue<GenV2.IncidentFieldAttributes>.Read), ref exceptions);
        Measure("oneOf field {autocomplete, null}: generated", () => JsonModel.Deserialize(multipleNull, JsonValue<GenV2.IncidentFieldAttributes>.Read), ref exceptions);
        Measure("oneOf field {autocomplete, [a,b]}: generated", () => JsonModel.Deserialize(multiple, JsonValue<GenV2.IncidentFieldAttributes>.Read), ref exceptions);
        Measure("oneOf field {dropdown, \"active\"}: hand-written converter (STJ source gen)", () => JsonSerializer.Deserialize(single, Pocos.PocoJsonContext.Default.IncidentsResponse.Options.GetTypeInfo(typeof(Pocos.IncidentFieldAttributes))), ref exceptions);

        byte[] unknownProperty = """{"type":"dropdown","value":"active","created_by_uuid":"3ad549bf-eba0-11e9-a77a-0705486660d0"}"""u8.ToArray();
        Measure("single-value field with one unknown string property: generated", () => JsonModel.Deserialize(unknownProperty, JsonValue<GenV2.IncidentFieldAttributesSingleValue>.Read), ref exceptions);
        Measure("single-value field without it: generated", () => JsonModel.Deserialize(single, JsonValue<GenV2.IncidentFieldAttributesSingleValue>.Read), ref exceptions);
#endif

        using (ServerProcess server = ServerProcess.Start())
        using (var generated = new GeneratedCaller(server.Address))
        using (var raw = new RawCaller(server.Address))
        {
        var overhead = new OverheadBenchmarks();
        overhead.Setup();
        await AllocationProfile.RunAsync("in-memory handler, generated client", 20_000, () => overhead.GeneratedClient());
        await AllocationProfile.RunAsync("in-memory handler, raw HttpClient + hand-written JSON", 20_000, () => overhead.RawHttpClient_HandWrittenJson());
            await AllocationProfile.RunAsync("wire, generated client", 20_000, () => generated.CallAsync(CancellationToken.None));
            await AllocationProfile.RunAsync("wire, raw HttpClient + hand-written JSON", 20_000, () => raw.CallAsync(CancellationToken.None));
            // As in the load run: 64 calls in flight, each with a token that can cancel.
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await AllocationProfile.RunAsync("wire, 64 concurrent, generated client", 50_000, () => generated.CallAsync(deadline.Token), concurrency: 64);
            await AllocationProfile.RunAsync("wire, 64 concurrent, raw HttpClient + hand-written JSON", 50_000, () => raw.CallAsync(deadline.Token), concurrency: 64);
        }

#if LARGE_BODY
        await AllocationProfile.RunAsync("ListIncidents deserialize, generated", 3_000, () => { JsonModel.Deserialize(large, JsonValue<GenV2.IncidentsResponse>.Read); return System.Threading.Tasks.Task.CompletedTask; });
        await AllocationProfile.RunAsync("ListIncidents deserialize, STJ source gen", 3_000, () => { bench.Large_Read_StjSourceGen(); return System.Threading.Tasks.Task.CompletedTask; });
#endif
        Console.WriteLine($"first-chance exceptions during the profile: {exceptions:N0}");
        return 0;
    }

    private static Func<object> ReusedWriter(bool skipValidation = true)
    {
        var request = Payloads.GeneratedRequest();
        var buffer = new ArrayBufferWriter<byte>(1024);
        var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = skipValidation });
        return () =>
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonModel.Write<Gen.PostmortemAttachmentRequest>(writer, request);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        };
    }

#if LARGE_BODY
    private static byte[] Edit(byte[] body, Action<JsonObject> editAttributes)
    {
        JsonNode root = JsonNode.Parse(body)!;
        foreach (JsonNode? incident in root["data"]!.AsArray())
        {
            editAttributes(incident!["attributes"]!.AsObject());
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
#endif

    private static void Measure(string what, Func<object?> action, ref int exceptions)
    {
        for (int i = 0; i < 2000; i++)
        {
            action();
        }

        int before = Volatile.Read(ref exceptions);
        const int Once = 1;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Once; i++)
        {
            action();
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        int thrown = Volatile.Read(ref exceptions) - before;

        // Best of 5 batches, to keep the shared machine's noise out.
        double best = double.MaxValue;
        int n = 2000;
        for (int batch = 0; batch < 5; batch++)
        {
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                action();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalNanoseconds / n);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-80} {best,10:N0} ns {allocated,8:N0} B {thrown,3} exceptions"));
    }
}
