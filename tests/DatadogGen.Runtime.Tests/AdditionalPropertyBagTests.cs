using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DatadogGen.Runtime.Tests;

public class AdditionalPropertyBagTests
{
    private static AdditionalPropertyBag ReadObject(string json)
    {
        var bag = new AdditionalPropertyBag();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            bag.Read(name, ref reader);
        }

        return bag;
    }

    private static string Write(AdditionalPropertyBag bag)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            bag.WriteTo(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("""{"s":"plain","e":"caf\u00e9 \"q\" \/","n":1.50e+10,"big":123456789012345678901234567890,"t":true,"f":false,"z":null}""")]
    [InlineData("""{"o":{"deep":[1,{"x":null}]},"a":[],"empty":{}}""")]
    [InlineData("""{}""")]
    public void ValuesAreWrittenBackByteForByte(string json)
    {
        Assert.Equal(json, Write(ReadObject(json)));
    }

    [Fact]
    public void ValuesReadThroughTheDictionaryAreJsonElements()
    {
        var bag = ReadObject("""{"s":"caf\u00e9","n":2.5,"t":true,"z":null,"o":{"k":1}}""");

        Assert.Equal("café", bag["s"].GetString());
        Assert.Equal(2.5, bag["n"].GetDouble());
        Assert.Equal(JsonValueKind.True, bag["t"].ValueKind);
        Assert.Equal(JsonValueKind.Null, bag["z"].ValueKind);
        Assert.Equal(1, bag["o"].GetProperty("k").GetInt32());
        Assert.Equal(["s", "n", "t", "z", "o"], bag.Keys);
        Assert.Equal(5, bag.Count);
    }

    [Fact]
    public void ARepeatedNameKeepsTheLastValue()
    {
        var bag = ReadObject("""{"a":1,"b":2,"a":3}""");

        Assert.Equal(2, bag.Count);
        Assert.Equal(3, bag["a"].GetInt32());
        Assert.Equal("""{"a":3,"b":2}""", Write(bag));
    }

    [Fact]
    public void BehavesAsADictionary()
    {
        IDictionary<string, JsonElement> bag = ReadObject("""{"a":1}""");
        var two = JsonDocument.Parse("2").RootElement;

        bag.Add("b", two);
        Assert.Throws<ArgumentException>(() => bag.Add("a", two));
        Assert.Throws<KeyNotFoundException>(() => bag["missing"]);
        Assert.True(bag.ContainsKey("a"));
        Assert.True(bag.Contains(new("b", JsonDocument.Parse("2").RootElement)));
        Assert.False(bag.TryGetValue("missing", out _));
        bag["a"] = JsonDocument.Parse("\"replaced\"").RootElement;
        Assert.True(bag.Remove("b"));
        Assert.False(bag.Remove("b"));

        var copy = new KeyValuePair<string, JsonElement>[2];
        bag.CopyTo(copy, 1);
        Assert.Equal("a", copy[1].Key);
        Assert.Equal("""{"a":"replaced"}""", Write((AdditionalPropertyBag)bag));
        Assert.Equal(["a"], bag.Select(entry => entry.Key));

        bag.Clear();
        Assert.Empty(bag);
        Assert.Equal("{}", Write((AdditionalPropertyBag)bag));
    }

    [Fact]
    public void AValueReadTwiceIsTheSameElement()
    {
        var bag = ReadObject("""{"s":"x"}""");

        Assert.Equal(bag["s"], bag["s"]);
    }
}
