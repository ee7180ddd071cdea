using System.Text.Json;
using DatadogGen.Tests.Constructs;
using Xunit;
using static DatadogGen.Tests.ConstructTests.ConstructSupport;

namespace DatadogGen.Tests.ConstructTests;

/// <summary>oneOf with a discriminator and mapping, oneOf of primitives and objects (Datadog's AnyValue), anyOf.</summary>
public class UnionTests
{
    [Fact]
    public void DiscriminatorMappingPicksTheVariant()
    {
        var circle = Read<Shape>("""{"type":"circle","radius":0.5}""");
        var square = Read<Shape>("""{"side":3,"type":"square"}""");

        Assert.False(circle.IsUnparsed);
        Assert.Equal(0.5, circle.Circle!.Radius);
        Assert.Null(circle.Square);
        Assert.Equal(CircleType.Circle, circle.Circle.Type);
        Assert.Equal(3, square.Square!.Side);
        Assert.Null(square.Circle);
        Assert.Same(square.Square, square.Value);
    }

    [Fact]
    public void DiscriminatorDecidesEvenWhenTheOtherVariantWouldAlsoRead()
    {
        // Both variants' properties present: only the discriminator can tell which one this is.
        var shape = Read<Shape>("""{"type":"square","side":3,"radius":9}""");

        Assert.Equal(3, shape.Square!.Side);
        Assert.Equal(9, shape.Square.AdditionalProperties["radius"].GetDouble());
    }

    [Theory]
    [InlineData("""{"type":"hexagon","sides":6}""")]
    [InlineData("""{"radius":1}""")]
    [InlineData("""{"type":7,"radius":1}""")]
    public void UnknownOrUnreadableShapeIsKeptUnparsedAndWrittenBack(string json)
    {
        var shape = Read<Shape>(json);

        Assert.True(shape.IsUnparsed);
        Assert.Null(shape.Value);
        Assert.Equal(json, shape.UnparsedObject!.Value.GetRawText());
        Assert.Equal(json, Write(shape));
    }

    [Fact]
    public void DiscriminatorDecidesEvenWhenTheVariantLacksARequiredProperty()
    {
        const string json = """{"type":"circle"}""";

        var shape = Read<Shape>(json);

        Assert.False(shape.IsUnparsed);
        Assert.True(shape.Circle!.IsUnparsed);
        Assert.Equal(json, Write(shape));
    }

    [Fact]
    public void UnparsedShapeInsideAModelRoundTrips()
    {
        const string json = """{"shape":{"type":"hexagon","sides":6},"class":"c"}""";

        var document = Read<ModelsDocument>(json);

        Assert.True(document.Shape!.IsUnparsed);
        Assert.Equal("c", document.Class);
        JsonAssert.Equivalent(json, Write(document));
    }

    [Fact]
    public void ShapeWrittenFromCSharpCarriesItsDiscriminator()
    {
        Shape shape = new Circle { Type = CircleType.Circle, Radius = 2 };

        Assert.Equal("""{"radius":2,"type":"circle"}""", Write(shape));
    }

    [Theory]
    [InlineData("\"text\"", "String")]
    [InlineData("1.5", "Double")]
    [InlineData("""{"k":{"deep":[1]}}""", "MapOfJson")]
    [InlineData("""[1,"two",true,{"k":"v"}]""", "ListOfAnyValueItem")]
    [InlineData("true", "Boolean")]
    public void AnyValueReadsEachShapeAsItsVariant(string json, string variant)
    {
        var value = Read<AnyValue>(json);

        Assert.False(value.IsUnparsed);
        Assert.NotNull(typeof(AnyValue).GetProperty(variant)!.GetValue(value));
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void AnyValueArrayItemsAreUnionsToo()
    {
        var value = Read<AnyValue>("""[1,"two",true,{"k":"v"}]""");

        var items = value.ListOfAnyValueItem!;
        Assert.Equal(1, items[0].Double);
        Assert.Equal("two", items[1].String);
        Assert.True(items[2].Boolean);
        Assert.Equal("v", items[3].MapOfJson!["k"].GetString());
    }

    [Fact]
    public void AnyValueObjectKeepsANullMember()
    {
        // Datadog's AnyValueObject is additionalProperties: {}; a member that is null must stay null.
        const string json = """{"k":null,"n":1}""";

        var value = Read<AnyValue>(json);

        Assert.Equal(JsonValueKind.Null, value.MapOfJson!["k"].ValueKind);
        Assert.Equal(json, Write(value));
    }

    [Theory]
    [InlineData("""["a","b"]""", "ListOfString")]
    [InlineData("\"a,b\"", "String")]
    public void AnyOfReadsTheMatchingSchema(string json, string variant)
    {
        var tagging = Read<Tagging>(json);

        Assert.False(tagging.IsUnparsed);
        Assert.NotNull(typeof(Tagging).GetProperty(variant)!.GetValue(tagging));
        Assert.Equal(json, Write(tagging));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("""{"tags":["a"]}""")]
    [InlineData("""["a",1]""")]
    public void AnyOfValueMatchingNoSchemaIsKeptUnparsed(string json)
    {
        var tagging = Read<Tagging>(json);

        Assert.True(tagging.IsUnparsed);
        Assert.Equal(json, Write(tagging));
    }

    [Theory]
    [InlineData("""{"type":"dropdown","value":"active"}""", "FieldSingleValue")]
    [InlineData("""{"type":"autocomplete","value":["a","b"]}""", "FieldMultipleValue")]
    [InlineData("""{"type":"dropdown","value":null}""", "FieldSingleValue")]
    [InlineData("""{"value":["a"],"type":"multiselect","extra":{"k":[1]}}""", "FieldMultipleValue")]
    public void ObjectVariantsWithoutDiscriminatorAreToldApartByShapeAndEnum(string json, string variant)
    {
        var field = Read<FieldValue>(json);

        Assert.False(field.IsUnparsed);
        Assert.NotNull(typeof(FieldValue).GetProperty(variant)!.GetValue(field));
        JsonAssert.Equivalent(json, Write(field));
    }

    [Theory]
    [InlineData("""{"value":["a"]}""")] // the multiple variant's required type is missing
    [InlineData("""{"type":"dropdown","value":7}""")] // a number fits neither value
    [InlineData("""{"type":"radio","value":"x"}""")] // an enum value neither variant knows
    [InlineData("\"text\"")]
    public void ObjectUnionValueNoVariantFitsIsKeptUnparsed(string json)
    {
        var field = Read<FieldValue>(json);

        Assert.True(field.IsUnparsed);
        Assert.Equal(json, Write(field));
    }

    [Theory]
    [InlineData("""{"type":"dropdown","value":"active"}""")]
    [InlineData("""{"type":"autocomplete","value":["a","b"]}""")]
    [InlineData("""{"value":["a"]}""")]
    [InlineData("""{"type":"dropdown","value":7}""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("""{"type":"textbox","value":null}""")]
    [InlineData("""{"type":"radio","value":null}""")]
    public void VariantsWhoseShapeDoesNotFitAreNotTriedSoReadingThrowsNothing(string json)
    {
        // Every exception thrown (and caught) inside a union's reader costs microseconds on each value of a large
        // response; a variant the JSON's shape rules out must not be read at all.
        var thread = System.Environment.CurrentManagedThreadId;
        var thrown = new System.Collections.Generic.List<string>();
        void Record(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs args)
        {
            if (System.Environment.CurrentManagedThreadId == thread)
            {
                lock (thrown)
                {
                    thrown.Add(args.Exception.Message);
                }
            }
        }

        System.AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            Read<FieldValue>(json);
        }
        finally
        {
            System.AppDomain.CurrentDomain.FirstChanceException -= Record;
        }

        Assert.Empty(thrown);
    }
}
