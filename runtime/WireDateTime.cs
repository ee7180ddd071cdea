using System;
using System.Globalization;
using System.Text.Json;

namespace DatadogGen;

/// <summary>
/// Date-times as Datadog's own clients write them, in parameters and JSON alike: only as many fraction digits
/// as the value needs (none when it is zero), <c>Z</c> for UTC and <c>+hh:mm</c> for any other offset, e.g.
/// <c>2024-11-25T19:38:40.699Z</c>. .NET's "O" format would send <c>2024-11-25T19:38:40.6990000+00:00</c>.
/// </summary>
internal static class WireDateTime
{
    // 'F' digits drop trailing zeros, and the decimal point with them when the fraction is zero.
    private const string Utc = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private const string WithOffset = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>The longest text: 19 characters, a point and 7 digits, and a 6-character offset.</summary>
    public const int MaxLength = 33;

    public static string Format(DateTimeOffset value) =>
        value.ToString(FormatOf(value), CultureInfo.InvariantCulture);

    /// <summary>Writes the text as a JSON string. Raw, because the writer's default encoder would escape '+' as \u002B.</summary>
    public static void WriteJson(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> quoted = stackalloc byte[MaxLength + 2];
        value.TryFormat(quoted[1..], out var written, FormatOf(value), CultureInfo.InvariantCulture);
        quoted[0] = (byte)'"';
        quoted[written + 1] = (byte)'"';
        writer.WriteRawValue(quoted[..(written + 2)], skipInputValidation: true);
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

        Span<byte> text = stackalloc byte[MaxLength];
        if (!value.TryFormat(text, out var written, FormatOf(value), CultureInfo.InvariantCulture))
        {
            return false;
        }

        var read = reader.ValueSpan;
        var expected = text[..written];
        return read.SequenceEqual(expected)
            || (value.Offset == TimeSpan.Zero && read.EndsWith("+00:00"u8) && read[..^6].SequenceEqual(expected[..^1]));
    }

    private static string FormatOf(DateTimeOffset value) => value.Offset == TimeSpan.Zero ? Utc : WithOffset;
}
