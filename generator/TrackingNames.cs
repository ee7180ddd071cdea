namespace DatadogGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert which steps reran.</summary>
public static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string NotOpenApi = nameof(NotOpenApi);
    public const string NamespaceOwners = nameof(NamespaceOwners);
    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string Types = nameof(Types);
    public const string Apis = nameof(Apis);
    public const string Support = nameof(Support);
    public const string Diagnostics = nameof(Diagnostics);
}
