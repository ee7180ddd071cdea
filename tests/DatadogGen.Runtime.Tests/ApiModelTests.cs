using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DatadogGen.Runtime.Tests;

/// <summary>
/// ApiModel past its 63rd property, where presence bits move from the object into the bag. Datadog's v2 has no
/// model that large (29 properties at most), so the generated models never reach this path; a schema could.
/// </summary>
public sealed class ApiModelTests
{
    [Fact]
    public void A_model_with_70_properties_writes_back_exactly_the_properties_it_read()
    {
        var json = "{\"p0\":\"a\",\"p62\":\"b\",\"p63\":\"c\",\"p64\":null,\"p68\":\"e\",\"p69\":\"d\",\"extra\":1}";

        var model = JsonModel.Deserialize(Encoding.UTF8.GetBytes(json), JsonValue<WideModel>.Read);

        Assert.Equal("c", model.Values[63]);
        Assert.False(model.IsUnparsed);
        Assert.Equal(json, Encoding.UTF8.GetString(JsonModel.Serialize(model, JsonValue<WideModel>.Write)));
    }

    [Fact]
    public void A_required_property_past_the_63rd_that_is_missing_makes_the_model_unparsed()
    {
        var model = JsonModel.Deserialize("{\"p0\":\"a\"}"u8, JsonValue<WideModel>.Read);

        Assert.True(model.IsUnparsed);
        Assert.False(JsonModel.Deserialize("{\"p68\":\"a\"}"u8, JsonValue<WideModel>.Read).IsUnparsed);
    }

    // A shape learns the order a server writes properties in (JsonShape.ExpectedAfter); objects in other orders,
    // with unknown names between, must read the same, whichever order came before.
    [Fact]
    public void Objects_read_the_same_whatever_order_their_properties_come_in()
    {
        string[] orders =
        [
            "{\"p2\":\"c\",\"p0\":\"a\",\"x\":0,\"p1\":\"b\",\"p68\":\"r\"}",
            "{\"p0\":\"a\",\"p1\":\"b\",\"p2\":\"c\",\"p68\":\"r\",\"x\":0}",
            "{\"p68\":\"r\",\"x\":0,\"p1\":\"b\",\"p2\":\"c\",\"p0\":\"a\"}",
        ];

        foreach (var json in orders.Concat(orders).Concat(orders.Reverse()))
        {
            var model = JsonModel.Deserialize(Encoding.UTF8.GetBytes(json), JsonValue<WideModel>.Read);

            Assert.Equal(new string?[] { "a", "b", "c" }, model.Values.Take(3));
            Assert.Equal("r", model.Values[68]);
            Assert.False(model.IsUnparsed);
            Assert.Equal(0, model.AdditionalProperties["x"].GetInt32());
        }
    }

    /// <summary>Written as the generator writes a model, with 70 string properties; p68 is required.</summary>
    private sealed class WideModel : ApiModel, IJsonValue<WideModel>
    {
        private static readonly JsonShape Shape = new(
            "WideModel",
            Enumerable.Range(0, 70).Select(index => "p" + index + (index == 68 ? ":s!" : ":s")).ToArray());

        public string?[] Values { get; } = new string?[70];

        protected override JsonShape JsonShape => Shape;

        public static WideModel ReadJson(ref Utf8JsonReader reader)
        {
            var value = new WideModel();
            value.ReadObject(ref reader, Shape);
            return value;
        }

        public static void WriteJson(Utf8JsonWriter writer, WideModel value) => value.WriteObject(writer);

        protected override void ReadProperty(int index, ref Utf8JsonReader reader) => Values[index] = reader.GetString();

        protected override void WriteProperties(Utf8JsonWriter writer)
        {
            for (var index = 0; index < Values.Length; index++)
            {
                if (IsSet(index))
                {
                    writer.WriteString(Shape.Name(index), Values[index]);
                }
            }
        }
    }
}
