using System;
using System.Linq;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// <c>application/json: {}</c>, a JSON body or response without a schema, is raw JSON: a JsonElement, like any
/// other schema-less value. It once generated <c>SetJsonBody(body, ...)</c> with a <c>JsonElement?</c> argument
/// and a <c>JsonElement</c> writer, which cannot infer T (CS0411).
/// </summary>
public sealed class SchemalessJsonBodyTests
{
    private const string RelativePath = "BrokenSpecs/schemaless-json-body.yaml";

    [Fact]
    public void Spec_with_schemaless_json_bodies_compiles_without_any_DDG_diagnostic()
    {
        var run = Generate();

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompilerErrors);
    }

    [Fact]
    public void Required_schemaless_body_is_a_JsonElement_sent_as_the_json_body()
    {
        var api = RawApiSource(Generate());

        Assert.Contains("SendRawAsync(global::System.Text.Json.JsonElement body,", api, StringComparison.Ordinal);
        Assert.Contains("request.SetJsonBody(body, static (global::System.Text.Json.Utf8JsonWriter w, global::System.Text.Json.JsonElement v) => v.WriteTo(w));", api, StringComparison.Ordinal);
    }

    /// <summary>An optional body is a nullable JsonElement: sent when given, otherwise the request has no body.</summary>
    [Fact]
    public void Optional_schemaless_body_is_a_nullable_JsonElement_sent_only_when_given()
    {
        var api = RawApiSource(Generate());

        Assert.Contains("SendOptionalRawAsync(global::System.Text.Json.JsonElement? body = null,", api, StringComparison.Ordinal);
        Assert.Contains("if (body is not null) request.SetJsonBody(body.Value, ", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemaless_json_response_is_read_as_a_JsonElement()
    {
        var api = RawApiSource(Generate());

        Assert.Contains("ApiResponse<global::System.Text.Json.JsonElement>> SendRawWithHttpInfoAsync(", api, StringComparison.Ordinal);
    }

    private static BuildContract.Run Generate() =>
        BuildContract.Check(TestFiles.PathOf(RelativePath), System.IO.File.ReadAllText(TestFiles.PathOf(RelativePath)));

    private static string RawApiSource(BuildContract.Run run) =>
        run.Result.GeneratedSources.Single(source => source.HintName == "Consumer.Datadog.RawApi.g.cs").SourceText.ToString();
}
