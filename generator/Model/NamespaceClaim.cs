using System;
using System.Collections.Immutable;
using System.Linq;
using DatadogGen.Generator.Diagnostics;

namespace DatadogGen.Generator.Model;

/// <summary>
/// Which spec generates into which namespace. Two specs in one namespace would emit the same file names and
/// types (the compiler would fail with CS8785): the first path in ordinal order keeps the namespace, the others
/// generate nothing and get DDG009.
/// </summary>
internal sealed record NamespaceClaim(string Namespace, string Path)
{
    public static EquatableArray<NamespaceClaim> FirstClaims(ImmutableArray<NamespaceClaim> claims) =>
        claims
            .GroupBy(claim => claim.Namespace, StringComparer.Ordinal)
            .Select(group => group.OrderBy(claim => claim.Path, StringComparer.Ordinal).First())
            .OrderBy(claim => claim.Namespace, StringComparer.Ordinal)
            .ToEquatableArray();

    public static ApiSpec KeepIfOwner(ApiSpec spec, EquatableArray<NamespaceClaim> owners)
    {
        var owner = owners.FirstOrDefault(claim => claim.Namespace == spec.Namespace);
        if (owner is null || owner.Path == spec.SourcePath)
        {
            return spec;
        }

        var clash = DiagnosticInfo.AtStartOf(
            spec.SourcePath,
            DiagnosticDescriptors.SharedNamespace,
            System.IO.Path.GetFileName(spec.SourcePath), spec.Namespace, System.IO.Path.GetFileName(owner.Path));
        return spec with
        {
            Types = EquatableArray<TypeSpec>.Empty,
            Apis = EquatableArray<ApiGroupSpec>.Empty,
            UnstableOperations = EquatableArray<string>.Empty,
            Diagnostics = spec.Diagnostics.Append(clash).ToEquatableArray(),
        };
    }
}
