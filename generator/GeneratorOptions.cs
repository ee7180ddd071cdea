using System;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatadogGen.Generator;

/// <summary>
/// The MSBuild options the generator reads (declared in build/DatadogGen.props; documented in
/// docs/configuration.md). Each per-file option is AdditionalFiles metadata, falling back to a project property
/// of the same name, so one setting can serve every spec in a project.
/// </summary>
internal static class GeneratorOptions
{
    public const string Enabled = "DatadogGenEnabled";
    public const string Namespace = "DatadogGenNamespace";
    public const string Operations = "DatadogGenOperations";
    public const string Accessibility = "DatadogGenAccessibility";
    public const string UnstableAsExperimental = "DatadogGenUnstableAsExperimental";
    public const string ExcludeDeprecated = "DatadogGenExcludeDeprecated";

    private const string RootNamespace = "build_property.RootNamespace";

    /// <summary>False when the project sets DatadogGenEnabled to false: the generator then emits nothing.</summary>
    public static bool IsEnabled(AnalyzerConfigOptions global) =>
        !(global.TryGetValue("build_property." + Enabled, out var value) && IsFalse(value));

    /// <summary>
    /// The item metadata that marks a file as a DatadogGen spec (DatadogGenNamespace or DatadogGenOperations on
    /// the AdditionalFiles item itself), or null. The project-wide properties do not count: they are defaults for
    /// real specs, and a project's other YAML and JSON files are not specs.
    /// </summary>
    public static string? SpecMarker(AnalyzerConfigOptions file) =>
        new[] { Namespace, Operations }.FirstOrDefault(name =>
            file.TryGetValue(PerFile(name), out var value) && !string.IsNullOrWhiteSpace(value));

    public static string Read(AnalyzerConfigOptions file, AnalyzerConfigOptions global, string name)
    {
        if (file.TryGetValue(PerFile(name), out var perFile) && !string.IsNullOrWhiteSpace(perFile))
        {
            return perFile.Trim();
        }

        return global.TryGetValue("build_property." + name, out var perProject) && !string.IsNullOrWhiteSpace(perProject)
            ? perProject.Trim()
            : string.Empty;
    }

    public static bool ReadFlag(AnalyzerConfigOptions file, AnalyzerConfigOptions global, string name) =>
        Read(file, global, name).Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>"internal" makes every generated type internal; anything else keeps them public.</summary>
    public static string ReadAccessibility(AnalyzerConfigOptions file, AnalyzerConfigOptions global) =>
        Read(file, global, Accessibility).Equals("internal", StringComparison.OrdinalIgnoreCase) ? "internal" : "public";

    public static string ReadNamespace(AnalyzerConfigOptions file, AnalyzerConfigOptions global)
    {
        var configured = Read(file, global, Namespace);
        var ns = configured.Length > 0 ? configured : DefaultNamespace(global);
        return string.Join(".", ns.Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries).Select(part => Naming.ToIdentifier(part.Trim())));
    }

    private static string PerFile(string name) => "build_metadata.AdditionalFiles." + name;

    private static string DefaultNamespace(AnalyzerConfigOptions global) =>
        global.TryGetValue(RootNamespace, out var root) && !string.IsNullOrWhiteSpace(root)
            ? root + ".Datadog"
            : "Datadog";

    private static bool IsFalse(string value) =>
        value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) || value.Trim() == "0";
}
