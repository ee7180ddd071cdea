namespace DatadogGen.Generator.Model;

/// <summary>Everything generated from one spec file: the end of the parse step, the start of emitting.</summary>
internal sealed record ApiSpec(
    string SourcePath,
    string Namespace,
    string Accessibility,
    bool UnstableAsExperimental,
    EquatableArray<TypeSpec> Types,
    EquatableArray<ApiGroupSpec> Apis,
    EquatableArray<string> UnstableOperations,
    EquatableArray<DiagnosticInfo> Diagnostics);
