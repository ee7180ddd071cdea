using System;
using System.Collections.Generic;
using DatadogGen.Generator.Diagnostics;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// The member names of one generated type (or the methods of one API class). A spec name that would clash with
/// a member the emitters add (Equals, AdditionalProperties) or with the type itself gets "Value" appended (DDG011,
/// info); two spec names that become the same identifier get a numeric suffix (DDG010, warning).
/// </summary>
internal sealed class MemberNameScope
{
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly DiagnosticSink _diagnostics;

    public MemberNameScope(IEnumerable<string> reserved, DiagnosticSink diagnostics)
    {
        _reserved = new HashSet<string>(reserved, StringComparer.Ordinal);
        _diagnostics = diagnostics;
    }

    /// <summary>Claims a name for a spec element; <paramref name="specName"/> locates the diagnostic in the spec.</summary>
    public string Claim(string kind, string displayName, string specName, string candidate)
    {
        if (_reserved.Contains(candidate))
        {
            var renamed = candidate + "Value";
            _diagnostics.ReportAt(DiagnosticDescriptors.RenamedIdentifier, specName, kind, displayName, renamed);
            candidate = renamed;
        }

        var unique = Naming.MakeUnique(candidate, _taken);
        if (unique != candidate)
        {
            _diagnostics.ReportAt(DiagnosticDescriptors.NameCollision, specName, kind, displayName, unique);
        }

        return unique;
    }

    /// <summary>Claims a name the user never sees (a backing field), without diagnostics.</summary>
    public string ClaimHidden(string candidate) =>
        Naming.MakeUnique(_reserved.Contains(candidate) ? candidate + "Field" : candidate, _taken);
}
