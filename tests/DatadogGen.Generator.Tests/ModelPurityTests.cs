using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using DatadogGen.Generator.Model;
using DatadogGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// The parse step's output is what Roslyn caches and compares: it must be plain values, equal across runs, and
/// hold nothing from the compilation or from the OpenAPI reader.
/// </summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] ForbiddenTypes =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxNode), typeof(SyntaxTree),
        typeof(Location), typeof(Diagnostic), typeof(AdditionalText), typeof(SourceText),
    };

    public static TheoryData<string> Specs => new()
    {
        "specs/create-postmortem-attachment.yaml",
        "BrokenSpecs/invalid-yaml.yaml",
        "BrokenSpecs/bad-indentation.yaml",
        "BrokenSpecs/swagger-2.yaml",
        "BrokenSpecs/missing-operation-id.yaml",
        "BrokenSpecs/unresolved-ref.yaml",
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Parsed_model_holds_no_roslyn_or_openapi_objects(string specFile)
    {
        var spec = Parse(specFile);

        var offenders = Walk(spec).Where(IsForbidden).Select(type => type.FullName).Distinct().ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_class_in_the_parsed_model_has_value_equality(string specFile)
    {
        var spec = Parse(specFile);

        var withoutValueEquality = Walk(spec)
            .Where(type => !type.IsValueType && type != typeof(string) && !type.IsArray)
            .Where(type => !typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type))
            .Select(type => type.FullName)
            .Distinct()
            .ToList();

        Assert.Empty(withoutValueEquality);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Two_parses_of_the_same_text_are_equal_with_equal_hash_codes(string specFile)
    {
        var first = Parse(specFile);
        var second = Parse(specFile);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Parses_of_different_texts_are_not_equal()
    {
        var original = Parse("specs/create-postmortem-attachment.yaml");
        var edited = SpecParser.Parse(
            new SpecInput(original.SourcePath, Read("specs/create-postmortem-attachment.yaml").Replace("Definition of a postmortem cell", "Edited"), original.Namespace, string.Empty),
            CancellationToken.None);

        Assert.NotEqual(original, edited);
    }

    [Fact]
    public void The_walk_reaches_every_kind_of_model_object()
    {
        var reached = Walk(Parse("specs/create-postmortem-attachment.yaml")).ToHashSet();

        Assert.Contains(typeof(ModelSpec), reached);
        Assert.Contains(typeof(EnumSpec), reached);
        Assert.Contains(typeof(UnionSpec), reached);
        Assert.Contains(typeof(PropertySpec), reached);
        Assert.Contains(typeof(OperationSpec), reached);
        Assert.Contains(typeof(ParameterSpec), reached);
        Assert.Contains(typeof(TypeRef), reached);
    }

    private static ApiSpec Parse(string specFile) =>
        SpecParser.Parse(new SpecInput(specFile, Read(specFile), "Consumer.Datadog", string.Empty), CancellationToken.None);

    // A fresh string each time, so equality can never come from sharing one instance.
    private static string Read(string specFile) =>
        new(System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, specFile)).AsSpan());

    private static bool IsForbidden(Type type) =>
        ForbiddenTypes.Any(forbidden => forbidden.IsAssignableFrom(type))
        || (type.Assembly.GetName().Name ?? string.Empty).StartsWith("Microsoft.OpenApi", StringComparison.Ordinal)
        || type.Assembly.GetName().Name == "SharpYaml";

    /// <summary>
    /// The runtime type of every object reachable through instance fields (which back every property) and
    /// collection items, plus the declared type of every field, so a null field of a forbidden type counts too.
    /// </summary>
    private static IEnumerable<Type> Walk(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var type = current.GetType();
            yield return type;
            if (type.IsPrimitive || type.IsEnum || current is string || (!type.IsValueType && !seen.Add(current)))
            {
                continue;
            }

            if (current is IEnumerable items)
            {
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        pending.Push(item);
                    }
                }
            }

            for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
            {
                foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    yield return field.FieldType;
                    if (field.GetValue(current) is { } value)
                    {
                        pending.Push(value);
                    }
                }
            }
        }
    }
}
