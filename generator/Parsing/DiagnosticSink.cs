using System;
using System.Collections.Generic;
using System.Linq;
using DatadogGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// Collects diagnostics for one spec file and places them on its lines, so the IDE can jump to the cause.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<int> _lineStarts;
    private readonly List<DiagnosticInfo> _reported = new();

    public DiagnosticSink(string path, string text)
    {
        _path = path;
        _text = text;
        _lineStarts = FindLineStarts(text);
    }

    public string FileName => System.IO.Path.GetFileName(_path);

    public bool HasErrors => _reported.Any(info => DiagnosticDescriptorsSeverity(info) == DiagnosticSeverity.Error);

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _reported.ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, int line, params string[] arguments) =>
        ReportAt(descriptor, line, 0, arguments);

    /// <summary>Reports at a zero-based line and column.</summary>
    public void ReportAt(DiagnosticDescriptor descriptor, int line, int column, params string[] arguments)
    {
        var clampedLine = Math.Min(Math.Max(line, 0), _lineStarts.Count - 1);
        var lineLength = (clampedLine + 1 < _lineStarts.Count ? _lineStarts[clampedLine + 1] : _text.Length) - _lineStarts[clampedLine];
        var clampedColumn = Math.Min(Math.Max(column, 0), Math.Max(lineLength - 1, 0));
        _reported.Add(new DiagnosticInfo(descriptor.Id, _path, _lineStarts[clampedLine] + clampedColumn, clampedLine, clampedColumn, arguments.ToEquatableArray()));
    }

    /// <summary>Reports on the line that defines <paramref name="key"/> (a schema name, operationId, ...), or line 0.</summary>
    public void ReportAt(DiagnosticDescriptor descriptor, string key, params string[] arguments) =>
        Report(descriptor, FindLineOf(key), arguments);

    /// <summary>
    /// The line of the last segment of a JSON pointer such as "#/components/schemas/Foo": close enough for a
    /// human, and cheap, since the reader does not keep positions.
    /// </summary>
    public int FindLineOfPointer(string pointer)
    {
        var segment = pointer.Split('/').LastOrDefault(part => part.Length > 0 && part != "#");
        return segment is null ? 0 : FindLineOf(segment.Replace("~1", "/").Replace("~0", "~"));
    }

    public int FindLineOf(string key)
    {
        if (key.Length == 0)
        {
            return 0;
        }

        var index = _text.IndexOf(key + ":", StringComparison.Ordinal);
        if (index < 0)
        {
            index = _text.IndexOf(key, StringComparison.Ordinal);
        }

        return index < 0 ? 0 : LineAt(index);
    }

    private int LineAt(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        return line >= 0 ? line : ~line - 1;
    }

    private static DiagnosticSeverity DiagnosticDescriptorsSeverity(DiagnosticInfo info) =>
        Diagnostics.DiagnosticDescriptors.Find(info.Id).DefaultSeverity;

    private static List<int> FindLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '\n')
            {
                starts.Add(index + 1);
            }
        }

        return starts;
    }
}
