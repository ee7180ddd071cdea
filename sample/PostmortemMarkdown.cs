using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using DatadogGen.Sample.Datadog;

namespace DatadogGen.Sample;

/// <summary>Turns a markdown postmortem into the request that attaches it to an incident.</summary>
/// <remarks>
/// The title is the first <c># </c> heading (else the file name). Each <c>## </c> section becomes one markdown
/// cell, heading included; text between the title and the first section becomes a cell of its own so the
/// notebook view loses nothing. The whole document is also sent as <c>content</c>.
/// </remarks>
public static class PostmortemMarkdown
{
    /// <summary>Builds the request body.</summary>
    /// <param name="markdown">The document.</param>
    /// <param name="fileName">The file it came from: the title when the document has no <c># </c> heading.</param>
    /// <param name="templateId">The postmortem template, or null to let Datadog choose.</param>
    /// <returns>The request, ready to send.</returns>
    public static PostmortemAttachmentRequest CreateRequest(string markdown, string fileName, string? templateId)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(fileName);

        string? title = null;
        var sections = new List<string>();
        var section = new StringBuilder();
        bool inPreamble = true;
        Fence? fence = null;

        foreach (string line in SplitLines(markdown))
        {
            string text = line.TrimEnd('\r', '\n');
            // "# comment" in a shell snippet is not a heading: skip everything inside fenced code blocks.
            if (fence is { } open)
            {
                fence = open.IsClosedBy(text) ? null : open;
            }
            else if (Fence.TryOpen(text, out var opened))
            {
                fence = opened;
            }
            else if (HeadingText(text, "## ") is not null)
            {
                AddSection(sections, section);
                inPreamble = false;
            }
            else if (title is null && HeadingText(text, "# ") is { Length: > 0 } heading)
            {
                title = heading;
                // The title travels in its own attribute; repeating it as a cell would show it twice.
                if (inPreamble)
                {
                    continue;
                }
            }

            section.Append(line);
        }

        AddSection(sections, section);

        var cells = new List<PostmortemCell>(sections.Count);
        foreach (string content in sections)
        {
            cells.Add(new PostmortemCell
            {
                Id = $"cell-{cells.Count + 1}",
                Type = PostmortemCellType.Markdown,
                Attributes = new PostmortemCellAttributes { Definition = new PostmortemCellDefinition { Content = content } },
            });
        }

        var attributes = new PostmortemAttachmentRequestAttributes
        {
            Title = title ?? Path.GetFileNameWithoutExtension(fileName),
            Content = markdown,
            Cells = cells,
        };
        // Set only when given: generated models send exactly the properties that were assigned.
        if (templateId is not null)
        {
            attributes.PostmortemTemplateId = templateId;
        }

        return new PostmortemAttachmentRequest
        {
            Data = new PostmortemAttachmentRequestData { Type = IncidentAttachmentType.IncidentAttachments, Attributes = attributes },
        };
    }

    private static void AddSection(List<string> sections, StringBuilder section)
    {
        string content = section.ToString().TrimStart('\r', '\n').TrimEnd();
        if (content.Length > 0)
        {
            sections.Add(content);
        }

        section.Clear();
    }

    // Lines keep their endings, so cells carry the author's text byte for byte.
    private static IEnumerable<string> SplitLines(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            yield return text[start..end];
            start = end;
        }
    }

    // ATX headings may be indented by up to three spaces and may end with a closing run of '#'.
    private static string? HeadingText(string line, string marker)
    {
        string trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3 || !trimmed.StartsWith(marker, StringComparison.Ordinal))
        {
            return null;
        }

        string text = trimmed[marker.Length..].Trim();
        string withoutClosing = text.TrimEnd('#');
        return withoutClosing.Length == 0 || withoutClosing.EndsWith(' ') ? withoutClosing.Trim() : text;
    }

    private readonly record struct Fence(char Marker, int Length)
    {
        public static bool TryOpen(string line, out Fence fence)
        {
            string trimmed = line.TrimStart(' ');
            if (line.Length - trimmed.Length > 3 || trimmed.Length < 3 || trimmed[0] is not ('`' or '~'))
            {
                fence = default;
                return false;
            }

            fence = new Fence(trimmed[0], trimmed.Length - trimmed.TrimStart(trimmed[0]).Length);
            return fence.Length >= 3;
        }

        public bool IsClosedBy(string line)
        {
            string trimmed = line.Trim();
            return trimmed.Length >= Length && trimmed.TrimStart(Marker).Length == 0;
        }
    }
}
