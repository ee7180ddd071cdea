using System;
using System.Text;

namespace DatadogGen.Pipeline;

/// <summary>Turns a response body into text for exceptions and a short excerpt for their messages.</summary>
internal static class BodyExcerpt
{
    private const int MaxLength = 200;

    /// <summary>The body as UTF-8; invalid bytes become U+FFFD rather than failing the error path.</summary>
    public static string ToText(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body);

    /// <summary>
    /// At most about 200 characters on one line: enough to recognise an HTML error page or a JSON error,
    /// short enough for a log line.
    /// </summary>
    public static string Create(string text)
    {
        if (text.Length == 0)
        {
            return "(empty body)";
        }

        bool truncated = text.Length > MaxLength;
        string excerpt = truncated ? text[..MaxLength] : text;
        var line = new StringBuilder(excerpt.Length + 1);
        foreach (char c in excerpt)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return truncated ? line.Append('…').ToString() : line.ToString();
    }
}
