using System;
using System.Linq;
using DatadogGen.Generator.Tests.Fuzzing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Names the spec may use that C# cannot, or that collide once converted: the generated code must compile, with
/// DDG010 for each collision and DDG011 for each name that had to change.
/// </summary>
public sealed class NameTests
{
    [Fact]
    public void Names_that_collide_once_converted_report_DDG010_and_compile()
    {
        const string spec = """
            openapi: 3.0.0
            info: {title: collisions, version: '1'}
            paths:
              /items:
                get:
                  operationId: list-items
                  tags: [Items]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Foo-Bar'}
              /items/all:
                get:
                  operationId: ListItems
                  tags: [Items]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/FooBar'}
            components:
              schemas:
                Foo-Bar:
                  type: object
                  properties:
                    user_id: {type: string}
                    userId: {type: integer}
                FooBar:
                  type: object
                  properties:
                    name: {type: string}
            """;

        var run = BuildContract.Compiles("/project/collisions.yaml", spec);

        var collisions = run.Ddg("DDG010").ToList();
        Assert.All(collisions, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        Assert.Contains(collisions, diagnostic => diagnostic.GetMessage().Contains("userId", StringComparison.Ordinal) || diagnostic.GetMessage().Contains("user_id", StringComparison.Ordinal));
        Assert.Contains(collisions, diagnostic => diagnostic.GetMessage().Contains("FooBar", StringComparison.Ordinal) || diagnostic.GetMessage().Contains("Foo-Bar", StringComparison.Ordinal));
        Assert.Contains(collisions, diagnostic => diagnostic.GetMessage().Contains("ListItems", StringComparison.Ordinal) || diagnostic.GetMessage().Contains("list-items", StringComparison.Ordinal));

        // Both spellings survive as distinct members: the second one suffixed, as DDG010 says.
        var fooBars = new[] { "FooBar", "FooBar2" }.Select(name => run.Output.GetTypeByMetadataName("Consumer.Datadog." + name)).ToList();
        Assert.All(fooBars, Assert.NotNull);
        Assert.Contains(fooBars, type => type!.GetMembers("UserId").Length == 1 && type.GetMembers("UserId2").Length == 1);
        var api = run.Output.GetTypeByMetadataName("Consumer.Datadog.ItemsApi");
        Assert.NotNull(api);
        Assert.NotEmpty(api.GetMembers("ListItemsAsync"));
        Assert.NotEmpty(api.GetMembers("ListItems2Async"));
    }

    /// <summary>Names that clash with a member the generator adds itself, each in its smallest spec.</summary>
    public static TheoryData<string, string> ClashingNames => new()
    {
        { "property additional_properties: its field _additionalProperties is the bag's field (CS0102)", "    A:\n      type: object\n      properties:\n        additional_properties: {type: string}\n" },
        { "enum value ContainsUnknownValues: the enum struct's own method (CS0102)", "    A:\n      type: object\n      properties:\n        kind: {type: string, enum: [ContainsUnknownValues, other]}\n" },
        { "schema ReadJson: the model's own ReadJson method (CS0542)", "    A:\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/ReadJson'}\n    ReadJson:\n      type: object\n      properties:\n        y: {type: string}\n" },
        { "schema 2fa with property 2fa: the field _2fa is the type's name _2fa (CS0542)", "    A:\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/2fa'}\n    2fa:\n      type: object\n      properties:\n        2fa: {type: string}\n" },
        { "schema var (generated as @var): every generated `var` local binds to it (CS0029)", "    A:\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/var'}\n    var:\n      type: object\n      properties:\n        y: {type: string}\n" },
        { "schema record: `record(` parses as a record declaration (CS1519)", "    A:\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/record'}\n    record:\n      type: object\n      properties:\n        y: {type: string}\n" },
    };

    [Theory]
    [MemberData(nameof(ClashingNames))]
    public void A_name_that_clashes_with_a_generated_member_compiles(string clash, string schemas)
    {
        Assert.NotEmpty(clash);
        BuildContract.Compiles(MiniSpec.Path, MiniSpec.WithSchemas(schemas));
    }

    public static TheoryData<string> HostileNames => new()
    {
        "class", "2fa", "naïve", "a.b-c", "日本", "object", "string", "namespace", "var", "record", "dynamic", "nameof",
        "value", "_", "a b", "1", "Equals", "ToString", "GetType", "ReadJson", "WriteJson", "AdditionalProperties",
        "ContainsUnknownValues", "IsKnown", "Type", "System", "Task", "DatadogJson", "Serialization",
    };

    /// <summary>
    /// One name used everywhere a spec names something: a schema, a property of it, an enum value, a query
    /// parameter, an operationId and a tag. OpenAPI 3.0 only allows [a-zA-Z0-9.-_] in component names, so other
    /// names name a property, enum value, parameter, operation and tag of a schema called Holder (see
    /// <see cref="Schema_names_outside_what_OpenAPI_allows_are_a_DDG001_naming_the_key"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_name_in_every_place_compiles(string name)
    {
        var quoted = SpecWriter.Quote(name);
        var schemaName = IsComponentName(name) ? name : "Holder";
        var reference = SpecWriter.Quote("#/components/schemas/" + schemaName);
        var spec = $$$"""
            openapi: 3.0.0
            info: {title: names, version: '1'}
            paths:
              /things:
                get:
                  operationId: {{{quoted}}}
                  tags: [{{{quoted}}}]
                  parameters:
                    - {name: {{{quoted}}}, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: {{{reference}}}}
            components:
              schemas:
                {{{SpecWriter.Quote(schemaName)}}}:
                  type: object
                  properties:
                    {{{quoted}}}: {type: string}
                    kind: {$ref: '#/components/schemas/Kind'}
                Kind:
                  type: string
                  enum: [{{{quoted}}}, other]
            """;

        var run = BuildContract.Compiles("/project/names.yaml", spec);

        Assert.Empty(run.Ddg("DDG003"));
        // Converting a property, enum value, operation or tag name to PascalCase is routine and not reported;
        // a schema name C# cannot use as written is (DDG011).
        if (schemaName == name && (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None))
        {
            Assert.Contains(run.Ddg("DDG011"), diagnostic => diagnostic.GetMessage().StartsWith("Schema '" + name + "'", StringComparison.Ordinal));
        }
    }

    /// <summary>Microsoft.OpenApi enforces the rule, and the generator passes it on as DDG001 on the key's line.</summary>
    [Theory]
    [InlineData("naïve")]
    [InlineData("日本")]
    [InlineData("a b")]
    public void Schema_names_outside_what_OpenAPI_allows_are_a_DDG001_naming_the_key(string name)
    {
        var run = BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas($"    {SpecWriter.Quote(name)}:\n      type: object\n      properties:\n        x: {{type: string}}\n", name));

        var error = Assert.Single(run.Ddg("DDG001"));
        Assert.Contains("'" + name + "'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Result.GeneratedSources);
    }

    private static bool IsComponentName(string name) => System.Text.RegularExpressions.Regex.IsMatch(name, @"^[a-zA-Z0-9\.\-_]+$");
}
