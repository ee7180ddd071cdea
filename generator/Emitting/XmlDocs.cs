using System;

namespace DatadogGen.Generator.Emitting;

/// <summary>Writes spec descriptions as XML doc comments, escaped so any text is valid XML.</summary>
internal static class XmlDocs
{
    public static void Summary(SourceWriter writer, string? text, string fallback)
    {
        Element(writer, "summary", string.IsNullOrWhiteSpace(text) ? fallback : text!);
    }

    public static void Element(SourceWriter writer, string tag, string text, string attributes = "")
    {
        var lines = text.Replace("\r\n", "\n").Trim('\n');
        if (lines.IndexOf('\n') < 0)
        {
            writer.Line("/// <" + tag + attributes + ">" + Escape(lines).Trim() + "</" + tag + ">");
            return;
        }

        writer.Line("/// <" + tag + attributes + ">");
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            writer.Line(("/// " + Escape(line)).TrimEnd());
        }

        writer.Line("/// </" + tag + ">");
    }

    public static void Param(SourceWriter writer, string name, string? text)
    {
        var description = string.IsNullOrWhiteSpace(text) ? "The " + name.TrimStart('@') + " parameter." : text!;
        writer.Line("/// <param name=\"" + name.TrimStart('@') + "\">" + Escape(description.Replace("\r\n", " ").Replace('\n', ' ')) + "</param>");
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
