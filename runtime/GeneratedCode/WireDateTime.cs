using System;
using System.Text;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// Date-times as Datadog's own clients write them, in parameters and JSON alike: only as many fraction digits
/// as the value needs (none when it is zero), <c>Z</c> for UTC and <c>+hh:mm</c> for any other offset, e.g.
/// <c>2024-11-25T19:38:40.699Z</c>. .NET's "O" format would send <c>2024-11-25T19:38:40.6990000+00:00</c>.
/// Written digit by digit: a custom format string costs several times what System.Text.Json's own writer does.
/// </summary>
internal static class WireDateTime
{
    /// <summary>The longest text: 19 characters, a point and 7 digits, and a 6-character offset.</summary>
    private const int MaxLength = 33;

    public static string Format(DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(text[..FormatUtf8(value, text)]);
    }

    /// <summary>Writes the text as a JSON string. Raw, because the writer's default encoder would escape '+' as \u002B.</summary>
    public static void WriteJson(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> quoted = stackalloc byte[MaxLength + 2];
        var length = FormatUtf8(value, quoted[1..]);
        quoted[0] = (byte)'"';
        quoted[length + 1] = (byte)'"';
        writer.WriteRawValue(quoted[..(length + 2)], skipInputValidation: true);
    }

    /// <summary>
    /// Whether the string at the reader is the text this class writes for <paramref name="value"/>, taking
    /// <c>+00:00</c> for the <c>Z</c> it stands for (Datadog sends the one and its clients the other). Most of
    /// Datadog's date-times then need no copy of their text to be written back as they came.
    /// </summary>
    public static bool IsWrittenAs(DateTimeOffset value, ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return false;
        }

        // Compared field by field, reading the text's digits, instead of formatting the value to compare: reading
        // two digits is two subtractions, writing them two divisions, and most responses carry several date-times
        // per object.
        var text = reader.ValueSpan;
        var clock = value.DateTime;
        clock.Deconstruct(out var year, out var month, out var day);
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !IsNumber(text[..4], year) || !IsNumber(text.Slice(5, 2), month) || !IsNumber(text.Slice(8, 2), day)
            || !IsNumber(text.Slice(11, 2), clock.Hour) || !IsNumber(text.Slice(14, 2), clock.Minute) || !IsNumber(text.Slice(17, 2), clock.Second))
        {
            return false;
        }

        var rest = text[19..];
        var fraction = Fraction(clock, out var digits);
        if (digits != 0)
        {
            if (rest.Length < 1 + digits || rest[0] != '.' || !IsNumber(rest.Slice(1, digits), fraction))
            {
                return false;
            }

            rest = rest[(1 + digits)..];
        }

        var offset = value.Offset;
        if (offset == TimeSpan.Zero)
        {
            return rest.SequenceEqual("Z"u8) || rest.SequenceEqual("+00:00"u8);
        }

        var minutes = Math.Abs((int)offset.TotalMinutes);
        return rest.Length == 6 && rest[0] == (offset < TimeSpan.Zero ? (byte)'-' : (byte)'+') && rest[3] == ':'
            && IsNumber(rest.Slice(1, 2), minutes / 60) && IsNumber(rest.Slice(4, 2), minutes % 60);
    }

    // Whether the ASCII digits are exactly the number, zero-padded to their length.
    private static bool IsNumber(ReadOnlySpan<byte> digits, int number)
    {
        var read = 0;
        foreach (var digit in digits)
        {
            var value = digit - '0';
            if ((uint)value > 9)
            {
                return false;
            }

            read = (read * 10) + value;
        }

        return read == number;
    }

    private static int FormatUtf8(DateTimeOffset value, Span<byte> text)
    {
        var clock = value.DateTime;
        // One computation of the date from the ticks, where Year, Month and Day would each repeat it.
        clock.Deconstruct(out var year, out var month, out var day);
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), clock.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), clock.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), clock.Second);
        var length = 19;

        var fraction = Fraction(clock, out var digits);
        if (digits != 0)
        {
            text[length] = (byte)'.';
            Digits(text.Slice(length + 1, digits), fraction);
            length += 1 + digits;
        }

        var offset = value.Offset;
        if (offset == TimeSpan.Zero)
        {
            text[length] = (byte)'Z';
            return length + 1;
        }

        text[length] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        var minutes = Math.Abs((int)offset.TotalMinutes);
        Digits(text.Slice(length + 1, 2), minutes / 60);
        text[length + 3] = (byte)':';
        Digits(text.Slice(length + 4, 2), minutes % 60);
        return length + 6;
    }

    // The fraction of a second without its trailing zeros, and how many digits that leaves (none for a whole second).
    private static int Fraction(DateTime clock, out int digits)
    {
        var fraction = (int)(clock.Ticks % TimeSpan.TicksPerSecond);
        digits = fraction == 0 ? 0 : 7;
        while (digits != 0 && fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        return fraction;
    }

    // Right-aligned, zero-padded to the span's length.
    private static void Digits(Span<byte> destination, int value)
    {
        for (var index = destination.Length - 1; index >= 0; index--)
        {
            destination[index] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
