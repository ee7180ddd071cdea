using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DatadogGen.Generator.Model;

/// <summary>
/// A diagnostic as plain values: a Location or Diagnostic would hold on to syntax trees and defeat caching.
/// Lines and columns are zero-based, as Roslyn counts them.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int Start,
    int Line,
    int Column,
    EquatableArray<string> Arguments)
{
    /// <summary>A diagnostic about a whole file, placed on its first line.</summary>
    public static DiagnosticInfo AtStartOf(string filePath, DiagnosticDescriptor descriptor, params string[] arguments) =>
        new(descriptor.Id, filePath, 0, 0, 0, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Diagnostics.DiagnosticDescriptors.Find(Id);
        var position = new LinePosition(Line, Column);
        var location = Location.Create(FilePath, new TextSpan(Start, 0), new LinePositionSpan(position, position));
        return Diagnostic.Create(descriptor, location, Arguments.Cast<object>().ToArray());
    }
}
