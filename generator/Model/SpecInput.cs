namespace DatadogGen.Generator.Model;

/// <summary>One spec file as the pipeline first sees it: its text and the options set on it.</summary>
internal sealed record SpecInput(
    string Path,
    string Text,
    string Namespace,
    string Operations,
    string Accessibility = "public",
    bool UnstableAsExperimental = false,
    bool ExcludeDeprecated = false);
