using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DatadogGen.Runtime.Tests;

/// <summary>
/// Date-times leave the client as Datadog's own clients write them (the conformance recordings hold
/// <c>2024-11-25T19:38:40.699Z</c>), in parameters and in JSON bodies alike.
/// </summary>
public class WireDateTimeTests
{
    public static TheoryData<DateTimeOffset, string> Instants() => new()
    {
        { new DateTimeOffset(2024, 11, 25, 19, 38, 40, 699, TimeSpan.Zero), "2024-11-25T19:38:40.699Z" },
        { new DateTimeOffset(2024, 11, 25, 19, 38, 40, TimeSpan.Zero), "2024-11-25T19:38:40Z" },
        { new DateTimeOffset(2024, 11, 25, 11, 48, 36, TimeSpan.FromHours(1)), "2024-11-25T11:48:36+01:00" },
        { new DateTimeOffset(2024, 11, 25, 11, 48, 36, TimeSpan.FromMinutes(-330)).AddTicks(1), "2024-11-25T11:48:36.0000001-05:30" },
        { new DateTimeOffset(2024, 1, 2, 3, 4, 5, 120, TimeSpan.Zero), "2024-01-02T03:04:05.12Z" },
        { DateTimeOffset.MaxValue, "9999-12-31T23:59:59.9999999Z" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void ParametersUseTheShortestExactForm(DateTimeOffset value, string expected)
    {
        Assert.Equal(expected, ParameterFormat.Format(value));
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public void JsonUsesTheSameForm(DateTimeOffset value, string expected)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonPrimitives.WriteDateTimeOffset(writer, value);
        }

        Assert.Equal("\"" + expected + "\"", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public void WhatIsWrittenReadsBackAsTheSameInstant(DateTimeOffset value, string expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + expected + "\""));
        reader.Read();

        var read = JsonPrimitives.ReadDateTimeOffset(ref reader);

        Assert.Equal(value, read);
        Assert.Equal(value.Offset, read.Offset);
    }

    // A model keeps a date-time's text only when the client would write the instant differently: what it writes
    // itself, and +00:00 for the Z it stands for, need no copy; anything else does, so it goes back out as it came.
    [Theory]
    [InlineData("2024-11-25T19:38:40.699Z", false)]
    [InlineData("2024-11-25T19:38:40Z", false)]
    [InlineData("2024-11-25T19:38:40+00:00", false)]
    [InlineData("2024-11-25T19:38:40.699+00:00", false)]
    [InlineData("2024-11-25T11:48:36.0000001-05:30", false)]
    [InlineData("2024-11-25T11:48:36+01:00", false)]
    [InlineData("2024-11-25T19:38:40.000Z", true)]
    [InlineData("2024-11-25T19:38:40.6990Z", true)]
    [InlineData("2024-11-25T19:38:40-00:00", true)]
    [InlineData("2024-11-25T19:38Z", true)]
    [InlineData("2024-11-25T19:38:40.123456789Z", true)]
    [InlineData("2024-11-25t19:38:40Z", true)]
    public void TextTheClientWouldWriteDifferentlyIsKept(string text, bool kept)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + text + "\""));
        reader.Read();
        AdditionalPropertyBag? bag = null;

        JsonPrimitives.ReadDateTimeOffset(ref reader, ref bag, "at");

        Assert.Equal(kept, bag is not null);
    }

    [Fact]
    public void DatesAreYearMonthDay()
    {
        Assert.Equal("2024-02-09", ParameterFormat.Format(new DateOnly(2024, 2, 9)));
    }
}
