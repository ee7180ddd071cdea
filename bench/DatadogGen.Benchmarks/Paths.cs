using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace DatadogGen.Benchmarks;

/// <summary>Where the specs are. BenchmarkDotNet runs benchmarks from its own generated folder, so paths are anchored
/// to this source file, not to the working directory.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The small spec the repository ships: one operation, POST /api/v2/incidents/{id}/attachments/postmortems.</summary>
    public static string SmallSpec => Path.Combine(RepoRoot, "specs", "create-postmortem-attachment.yaml");

    /// <summary>Datadog's complete v2 spec (985 operations), read in place from ../shared; DATADOGGEN_V2_SPEC overrides.</summary>
    public static string DatadogV2Spec =>
        Environment.GetEnvironmentVariable("DATADOGGEN_V2_SPEC") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datadog", "openapi-v2.yaml"));

    private static string FindRepoRoot([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", ".."));
}
