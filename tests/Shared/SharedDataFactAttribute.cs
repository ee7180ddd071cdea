using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace DatadogGen.Testing;

/// <summary>
/// Where the read-only ../shared/datadog/ folder is (Datadog's real spec and recorded traffic), and whether tests
/// that need it run. It exists on CI and developer machines, not in a fresh clone.
/// </summary>
internal static class SharedData
{
    public const string SkipReason =
        "../shared/datadog not found: the real Datadog spec and recorded traffic are only in CI and developer machines";

    /// <summary>Set (to anything non-empty) to make tests that need ../shared/ fail instead of skipping.</summary>
    public const string RequireVariable = "DATADOGGEN_REQUIRE_SHARED";

    /// <summary>
    /// The folder: what the test project's build used (AssemblyMetadata "DatadogSharedDir", set by projects that
    /// generate code from it, so -p:DatadogSharedDir=... moves both), else ../shared/datadog beside the repository.
    /// </summary>
    public static string Directory { get; } = FindDirectory();

    public static bool Exists => System.IO.Directory.Exists(Directory);

    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RequireVariable));

    /// <summary>The skip reason for a test that needs the folder, or null when it must run.</summary>
    public static string? SkipUnlessAvailable() => SkipReasonFor(Exists, Required);

    /// <summary>Skip only when the folder is missing and nobody asked for it to be required.</summary>
    public static string? SkipReasonFor(bool exists, bool required) => exists || required ? null : SkipReason;

    /// <summary>The name a skipped test is listed under, so the reason shows in the default test output.</summary>
    public static string SkippedDisplayName(string testName) => testName + " [skipped: " + SkipReason + "]";

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    private static string FindDirectory()
    {
        var configured = typeof(SharedData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DatadogSharedDir")?.Value;
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "datadog"));
    }
}

/// <summary>
/// A fact that needs ../shared/datadog/: skipped with <see cref="SharedData.SkipReason"/> when the folder is missing,
/// unless DATADOGGEN_REQUIRE_SHARED is set (as CI does when it has the folder), in which case it runs and fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute([CallerMemberName] string testName = "")
    {
        if (SharedData.SkipUnlessAvailable() is { } reason)
        {
            Skip = reason;
            // dotnet test prints a skipped test's name but not its reason (except at detailed verbosity).
            DisplayName = SharedData.SkippedDisplayName(testName);
        }
    }
}
