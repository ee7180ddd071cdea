using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace DatadogGen.Pipeline;

/// <summary>
/// The User-Agent header, shaped like the official clients' so Datadog can tell clients apart:
/// <c>datadog-gen-csharp/0.1.0 (dotnet 10.0.12; os Linux; arch x64)</c>.
/// </summary>
internal static class UserAgent
{
    /// <summary>The header value; computed once since nothing in it changes while the process runs.</summary>
    public static readonly string Value =
        $"datadog-gen-csharp/{RuntimeVersion()} (dotnet {Environment.Version}; os {OperatingSystemName()}; " +
        $"arch {RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()})";

    /// <summary>The header value with <see cref="Configuration.UserAgentSuffix"/> appended, when there is one.</summary>
    public static string With(string? suffix) => suffix is null ? Value : Value + " " + suffix;

    // The informational version carries "+<commit>" from SourceLink; the commit is noise in a header.
    private static string RuntimeVersion()
    {
        string? version = typeof(UserAgent).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return "unknown";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    // OSDescription is long and full of kernel details; a family name is what a User-Agent needs.
    private static string OperatingSystemName()
    {
        if (OperatingSystem.IsWindows()) return "Windows";
        if (OperatingSystem.IsLinux()) return "Linux";
        if (OperatingSystem.IsMacOS()) return "macOS";
        if (OperatingSystem.IsFreeBSD()) return "FreeBSD";
        if (OperatingSystem.IsAndroid()) return "Android";
        if (OperatingSystem.IsIOS()) return "iOS";
        return "unknown";
    }
}
