using System;
using System.IO;

namespace DatadogGen.Testing;

/// <summary>Where the repository and the read-only ../shared/ folder are, seen from a test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string InRepository(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DatadogGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DatadogGen.sln above {AppContext.BaseDirectory}.");
    }
}
