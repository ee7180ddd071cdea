using System;
using System.IO;
using System.Linq;
using DatadogGen.Generator.Parsing;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// With DatadogGenOperations set, SpecReader reads a cut-down copy of the spec (SelectedOperationsDocument).
/// It must give exactly the output reading the whole spec gives, and step aside whenever it cannot be sure.
/// </summary>
public sealed class SelectedOperationsTests(ITestOutputHelper output)
{
    [SharedDataTheory]
    [InlineData("CreateIncidentPostmortemAttachment")]
    [InlineData("ListIncidents;SearchIncidents")]
    [InlineData("SubmitLog;CreateOnCallPage")]
    [InlineData("QueryTimeseriesData;UploadIdPMetadata")]
    [InlineData("v2.ListSecurityMonitoringRules")]
    public void Output_for_selected_operations_of_v2_is_the_same_as_from_the_whole_spec(string operations)
    {
        var text = File.ReadAllText(SharedData.PathOf("openapi-v2.yaml"));
        var cutDown = SelectedOperationsDocument.TryCreate(YamlCompatibility.Normalize(text), operations);
        Assert.NotNull(cutDown);
        output.WriteLine($"cut-down spec: {cutDown!.Length:N0} of {text.Length:N0} characters");

        // A document start marker is valid YAML the cut-down reader does not handle, so this reads it whole.
        Assert.Null(SelectedOperationsDocument.TryCreate("---\n" + text, operations));
        var fromCutDown = GeneratorHarness.Run("/project/openapi-v2.yaml", text, out _, new SpecOptions(operations: operations));
        var fromWhole = GeneratorHarness.Run("/project/openapi-v2.yaml", "---\n" + text, out _, new SpecOptions(operations: operations));

        var cutDownSources = fromCutDown.Results.Single().GeneratedSources;
        var wholeSources = fromWhole.Results.Single().GeneratedSources;
        Assert.NotEmpty(cutDownSources);
        Assert.Equal(wholeSources.Select(source => source.HintName), cutDownSources.Select(source => source.HintName));
        foreach (var (whole, cut) in wholeSources.Zip(cutDownSources))
        {
            Assert.Equal(whole.SourceText.ToString(), cut.SourceText.ToString());
        }

        Assert.DoesNotContain(fromCutDown.Diagnostics, diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    private const string Spec = """
        openapi: 3.0.0
        info: {title: t, version: '1'}
        paths:
          /pets:
            parameters:
              - $ref: '#/components/parameters/Limit'
            get:
              operationId: ListPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pets'
            post:
              operationId: CreatePet
              responses:
                '201': {description: created}
          /owners:
            get:
              operationId: ListOwners
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Owner'
        components:
          parameters:
            Limit:
              name: limit
              in: query
              schema:
                $ref: '#/components/schemas/Limit'
          schemas:
            Limit:
              type: integer
            Pets:
              type: array
              items:
                $ref: '#/components/schemas/Pet'
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
              discriminator:
                propertyName: kind
                mapping:
                  dog: '#/components/schemas/Dog'
            Cat:
              type: object
              properties:
                kind: {type: string}
            Dog:
              type: object
              description: |
                Reached only through the mapping.
                Not a key: a line inside a block scalar.
            Owner:
              type: object
            Unused:
              type: object
            UnusedToo:
              type: string
            UnusedThree:
              type: string
            UnusedFour:
              type: string
        """;

    [Fact]
    public void Keeps_the_selected_operations_and_the_schemas_they_reach_and_nothing_else()
    {
        var cutDown = SelectedOperationsDocument.TryCreate(Spec, "ListPets")!;

        Assert.NotNull(cutDown);
        foreach (var kept in new[] { "operationId: ListPets", "parameters:", "Limit:", "Pets:", "Pet:", "Cat:", "Dog:", "Not a key", "info:" })
        {
            Assert.Contains(kept, cutDown, StringComparison.Ordinal);
        }

        foreach (var dropped in new[] { "CreatePet", "ListOwners", "/owners", "Owner:", "Unused" })
        {
            Assert.DoesNotContain(dropped, cutDown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")] // nothing selected: every operation
    [InlineData("ListPet")] // not an operationId: the parser reports it, with the closest match
    [InlineData("ListPets;ListOwners;CreatePet")] // reaches 6 of 10 schemas: reading it whole is cheaper
    public void Steps_aside_when_it_cannot_help(string operations)
    {
        Assert.Null(SelectedOperationsDocument.TryCreate(Spec, operations));
    }

    [Fact]
    public void Steps_aside_for_a_json_spec()
    {
        Assert.Null(SelectedOperationsDocument.TryCreate("""{"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"A"}}}}""", "A"));
    }
}
