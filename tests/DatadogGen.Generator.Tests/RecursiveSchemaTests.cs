using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Schemas that refer to themselves (directly, through each other, through array items, map values or allOf)
/// generate models that compile, load, and round-trip three levels of JSON through DatadogJson.Options.
/// </summary>
public sealed class RecursiveSchemaTests
{
    private const string Spec = """
        openapi: 3.0.0
        info: {title: recursive, version: '1'}
        paths:
          /bundles:
            get:
              operationId: GetBundle
              tags: [Bundles]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Bundle'}
        components:
          schemas:
            Bundle:
              type: object
              properties:
                node: {$ref: '#/components/schemas/Node'}
                ping: {$ref: '#/components/schemas/Ping'}
                tree: {$ref: '#/components/schemas/Tree'}
                folder: {$ref: '#/components/schemas/Folder'}
                extended: {$ref: '#/components/schemas/Extended'}
            Node:
              type: object
              properties:
                name: {type: string}
                next: {$ref: '#/components/schemas/Node'}
            Ping:
              type: object
              properties:
                label: {type: string}
                pong: {$ref: '#/components/schemas/Pong'}
            Pong:
              type: object
              properties:
                label: {type: string}
                ping: {$ref: '#/components/schemas/Ping'}
            Tree:
              type: object
              properties:
                value: {type: integer}
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Tree'}
            Folder:
              type: object
              properties:
                name: {type: string}
                subfolders:
                  type: object
                  additionalProperties: {$ref: '#/components/schemas/Folder'}
            Base:
              type: object
              properties:
                id: {type: string}
            Extended:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  properties:
                    parent: {$ref: '#/components/schemas/Extended'}
        """;

    [Theory]
    [InlineData("Node", """{"name":"a","next":{"name":"b","next":{"name":"c"}}}""")]
    [InlineData("Ping", """{"label":"1","pong":{"label":"2","ping":{"label":"3","pong":null}}}""")]
    [InlineData("Tree", """{"value":1,"children":[{"value":2,"children":[{"value":3,"children":[]}]},{"value":4}]}""")]
    [InlineData("Folder", """{"name":"root","subfolders":{"a":{"name":"a","subfolders":{"b":{"name":"b"}}}}}""")]
    [InlineData("Extended", """{"id":"a","parent":{"id":"b","parent":{"id":"c"}}}""")]
    [InlineData("Bundle", """{"node":{"name":"a","next":{"name":"b"}},"tree":{"value":1,"children":[{"value":2}]},"extended":{"id":"x","parent":{"id":"y"}}}""")]
    public void Recursive_models_round_trip_three_levels_of_json(string typeName, string json)
    {
        var context = new AssemblyLoadContext("recursive-" + typeName, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(Emit()));
            var type = assembly.GetType("Consumer.Datadog." + typeName, throwOnError: true)!;
            var options = (JsonSerializerOptions)assembly.GetType("Consumer.Datadog.DatadogJson", throwOnError: true)!
                .GetProperty("Options", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

            var model = JsonSerializer.Deserialize(json, type, options);
            var written = JsonSerializer.Serialize(model, type, options);

            Assert.IsType(type, model);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"Wrote {written}");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The generated code, compiled once per test; warnings are fine, errors are not.</summary>
    private static byte[] Emit()
    {
        var run = BuildContract.Compiles("/project/recursive.yaml", Spec);
        Assert.Empty(run.Result.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        using var pe = new MemoryStream();
        var emit = run.Output.Emit(pe);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
        return pe.ToArray();
    }
}
