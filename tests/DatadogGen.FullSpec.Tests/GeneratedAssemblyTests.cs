using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// That this project built at all is the test that all of Datadog's v2 spec generates code that compiles with
/// no warning. These check that the build really generated from it: the API classes, their methods, the types.
/// </summary>
public class GeneratedAssemblyTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void AllOfV2IsGenerated()
    {
#if DATADOG_SHARED_SPEC
        // Top-level public types only, not the compiler's closures.
        var types = GeneratedModels.Assembly.GetTypes().Where(t => t.Namespace == GeneratedModels.Namespace && t.IsPublic).ToList();
        var apis = types.Where(t => t.Name.EndsWith("Api", StringComparison.Ordinal) || t.Name.EndsWith("API", StringComparison.Ordinal))
            .Where(t => t.GetConstructor([typeof(ApiClient)]) is not null)
            .ToList();
        var operations = apis.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Count(m => m.Name.EndsWith("WithHttpInfoAsync", StringComparison.Ordinal));
        output.WriteLine($"{types.Count} public types in {GeneratedModels.Namespace}, {apis.Count} API classes, {operations} operations");

        Assert.InRange(types.Count, 3000, 10000);
        Assert.InRange(apis.Count, 100, 200);
        // Every one of the spec's 985 operations has a method pair (operation ids are unique in the spec).
        Assert.Equal(985, operations);
        Assert.Equal(DatadogSpec.Instance.Document.Paths.Sum(p => p.Value.Operations.Count), operations);
#else
        output.WriteLine(CassetteRoundTripTests.NotGenerated("generated assembly"));
        Assert.Fail(CassetteRoundTripTests.NotGenerated("generated assembly"));
#endif
    }

    [SharedDataFact]
    public void IncidentsApiHasThePostmortemAttachmentOperation()
    {
#if DATADOG_SHARED_SPEC
        var method = typeof(V2.IncidentsApi).GetMethod(nameof(V2.IncidentsApi.CreateIncidentPostmortemAttachmentAsync))!;
        Assert.Equal(typeof(Task<V2.Attachment>), method.ReturnType);
        Assert.Equal(
            [typeof(string), typeof(V2.PostmortemAttachmentRequest), typeof(CancellationToken)],
            method.GetParameters().Select(p => p.ParameterType));
        Assert.NotNull(typeof(V2.IncidentsApi).GetMethod("CreateIncidentPostmortemAttachmentWithHttpInfoAsync"));
        foreach (var name in new[] { "IncidentsApi", "UsersApi", "TeamsApi", "SecurityMonitoringApi", "DatadogJson" })
        {
            Assert.NotNull(GeneratedModels.Assembly.GetType(GeneratedModels.Namespace + "." + name));
        }

        // The operation is x-unstable in the spec, so the generated registration knows its name.
        var configuration = new Configuration();
        Assert.False(configuration.IsUnstableOperationEnabled("v2.CreateIncidentPostmortemAttachment"));
#else
        output.WriteLine(CassetteRoundTripTests.NotGenerated("IncidentsApi"));
        Assert.Fail(CassetteRoundTripTests.NotGenerated("IncidentsApi"));
#endif
    }

    [SharedDataFact]
    public void EveryGeneratedModelHasJsonTypeInfo()
    {
#if DATADOG_SHARED_SPEC
        var models = GeneratedModels.Assembly.GetTypes()
            .Where(t => t.Namespace == GeneratedModels.Namespace && t.IsPublic && !t.IsAbstract
                && t.GetCustomAttributes<System.Text.Json.Serialization.JsonConverterAttribute>().Any())
            .ToList();
        output.WriteLine($"{models.Count} types with a generated converter");
        Assert.InRange(models.Count, 3000, 10000);
        Assert.All(models, type => Assert.NotNull(GeneratedModels.TypeInfo(type)));
#else
        output.WriteLine(CassetteRoundTripTests.NotGenerated("models"));
        Assert.Fail(CassetteRoundTripTests.NotGenerated("models"));
#endif
    }

    /// <summary>
    /// What a user passes to a generated method or gets back from it can be written and read with
    /// DatadogJson.Options too: lists of models (SubmitLog's log items), maps, raw JSON.
    /// </summary>
    [SharedDataFact]
    public void EveryBodyAndResultTypeOfAGeneratedMethodHasJsonTypeInfo()
    {
#if DATADOG_SHARED_SPEC
        var methods = GeneratedModels.Assembly.GetTypes()
            .Where(t => t.Namespace == GeneratedModels.Namespace && t.IsPublic && t.GetConstructor([typeof(ApiClient)]) is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("WithHttpInfoAsync", StringComparison.Ordinal))
            .ToList();
        var bodies = methods.SelectMany(m => m.GetParameters())
            .Where(p => p.Name is "body" || p.ParameterType.Namespace == GeneratedModels.Namespace || IsCollection(p.ParameterType))
            .Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
            .Where(t => t != typeof(string) && t != typeof(System.IO.Stream));
        var results = methods.Select(m => m.ReturnType.GetGenericArguments()[0])
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ApiResponse<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t != typeof(string) && t != typeof(byte[]));
        var types = bodies.Concat(results).Distinct().OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList();
        var collections = types.Where(IsCollection).ToList();
        output.WriteLine($"{types.Count} body and result types, {collections.Count} of them lists or maps: {string.Join(", ", collections.Select(t => t.ToString()))}");

        Assert.InRange(types.Count, 500, 5000);
        Assert.NotEmpty(collections);
        Assert.All(types, type => Assert.NotNull(GeneratedModels.TypeInfo(type)));
        foreach (var collection in collections)
        {
            var empty = collection.GetGenericTypeDefinition() == typeof(System.Collections.Generic.List<>) ? "[]" : "{}";
            Assert.Equal(empty, GeneratedModels.Serialize(GeneratedModels.Deserialize(empty, collection)));
        }
#else
        output.WriteLine(CassetteRoundTripTests.NotGenerated("methods"));
        Assert.Fail(CassetteRoundTripTests.NotGenerated("methods"));
#endif
    }

    private static bool IsCollection(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.List<>) || type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.Dictionary<,>));
}
