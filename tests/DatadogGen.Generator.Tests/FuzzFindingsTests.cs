using System;
using System.Linq;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Each generator bug the fuzz test (<see cref="FuzzTests"/>) found, reduced to its smallest spec, so it can be
/// fixed and kept fixed one at a time. (Hostile names are in <see cref="NameTests"/>.)
/// </summary>
public sealed class FuzzFindingsTests
{
    /// <summary>A property whose schema is a string instead of a map: the reader leaves a null schema.</summary>
    [Fact]
    public void Property_whose_schema_is_a_scalar()
    {
        BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas("    A:\n      type: object\n      properties:\n        x: oops\n"));
    }

    [Fact]
    public void Property_whose_schema_is_a_list()
    {
        BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas("    A:\n      type: object\n      properties:\n        x: [1]\n"));
    }

    /// <summary>DiagnosticTests covers an unresolved $ref in a response; inside a property it must be DDG003 too.</summary>
    [Theory]
    [InlineData("#/components/schemas/Missing")]
    [InlineData("#/components/schemas/")]
    public void Property_with_an_unresolved_ref_is_a_warning_and_the_rest_compiles(string reference)
    {
        var run = BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas($"    A:\n      type: object\n      properties:\n        x: {{$ref: '{reference}'}}\n        y: {{type: string}}\n"));

        Assert.NotEmpty(run.Ddg("DDG003"));
        Assert.False(run.HasDdgError);
        Assert.Empty(run.CompilerErrors);
    }

    /// <summary>A oneOf entry whose $ref names no schema at all is null in the reader's model (was DDG007, a NullReferenceException).</summary>
    [Theory]
    [InlineData("")]
    [InlineData("\n      discriminator: {propertyName: type}")]
    public void Union_variant_with_an_empty_ref(string discriminator)
    {
        var run = BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas(
            "    A:\n      oneOf:\n        - $ref: '#/components/schemas/'\n        - $ref: '#/components/schemas/B'" + discriminator + "\n    B:\n      type: object\n      properties:\n        type: {type: string}\n"));

        Assert.Empty(run.Ddg("DDG007"));
        Assert.Empty(run.CompilerErrors);
    }

    /// <summary>A schema named "_" became a type named _, and "obj is _ other" is a discard pattern (CS1002).</summary>
    [Fact]
    public void Schema_named_underscore()
    {
        var run = BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas(
            "    _:\n      type: string\n      enum: [a, b]\n    A:\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/_'}\n"));

        Assert.Empty(run.CompilerErrors);
        Assert.NotEmpty(run.Ddg("DDG011"));
    }

    /// <summary>
    /// A union looks at a value for all its variants at once, one bit each (JsonShape.Fits), so it holds at most 64:
    /// more is DDG006, the first 64 are kept, and the code compiles.
    /// </summary>
    [Fact]
    public void Union_of_more_than_64_variants()
    {
        var refs = string.Concat(Enumerable.Range(0, 65).Select(index => $"\n        - $ref: '#/components/schemas/B{index}'"));
        var variants = string.Concat(Enumerable.Range(0, 65).Select(index =>
            $"\n    B{index}:\n      type: object\n      required: [p{index}]\n      properties:\n        p{index}: {{type: string}}"));

        var run = BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas("    A:\n      oneOf:" + refs + variants + "\n"));

        var diagnostic = Assert.Single(run.Ddg("DDG006"));
        Assert.Contains("65 variants, more than the 64 a union holds", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilerErrors);
        var union = Assert.Single(run.Result.GeneratedSources, source => source.HintName == "Consumer.Datadog.A.g.cs").SourceText.ToString();
        Assert.Contains("Consumer.Datadog.B63.__shape]", union, StringComparison.Ordinal);
        Assert.DoesNotContain("B64", union, StringComparison.Ordinal);
    }

    /// <summary>A union listing itself as a variant gets an implicit conversion from itself (CS0555).</summary>
    [Fact]
    public void Union_with_itself_as_a_variant()
    {
        BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas("    A:\n      oneOf:\n        - $ref: '#/components/schemas/A'\n        - type: string\n"));
    }

    /// <summary>An integer enum with a value that is not a number becomes the literal <c>usersL</c> (CS0103).</summary>
    [Fact]
    public void Integer_enum_with_a_word_as_value()
    {
        BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas("    A:\n      type: object\n      properties:\n        x: {type: integer, enum: [users]}\n"));
    }

    /// <summary>
    /// 40 nested arrays in one property: the JSON writer expression is built twice per level (2^40 steps), and the
    /// emit step does not observe cancellation. 22 levels already take about 2 s.
    /// </summary>
    [Fact]
    public void Forty_nested_arrays_generate_in_seconds()
    {
        var schema = "{type: string}";
        for (var level = 0; level < 40; level++)
        {
            schema = "{type: array, items: " + schema + "}";
        }

        BuildContract.Check(MiniSpec.Path, MiniSpec.WithSchemas("    A:\n      type: object\n      properties:\n        nested: " + schema + "\n"), timeout: System.TimeSpan.FromSeconds(15));
    }
}
