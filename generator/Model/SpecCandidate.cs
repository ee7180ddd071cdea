namespace DatadogGen.Generator.Model;

/// <summary>
/// An AdditionalFile with a spec's extension, once read: either a spec to parse, or, when the project marked it as
/// a spec and it is not OpenAPI, the error that says so. Unmarked files that are not OpenAPI never become one.
/// </summary>
internal sealed record SpecCandidate(SpecInput? Spec, DiagnosticInfo? NotOpenApi)
{
    public static SpecCandidate Of(SpecInput spec) => new(spec, null);

    public static SpecCandidate Rejected(DiagnosticInfo notOpenApi) => new(null, notOpenApi);
}
