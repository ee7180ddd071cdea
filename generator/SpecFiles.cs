using System;
using System.IO;
using System.Text.RegularExpressions;

namespace DatadogGen.Generator;

/// <summary>Which AdditionalFiles are OpenAPI specs: YAML or JSON with a top-level openapi or swagger key.</summary>
internal static class SpecFiles
{
    // Keys may come in any order (Datadog's file sorts them, so "openapi:" is near its end): look everywhere,
    // but only at column 0 in YAML, where top-level keys live.
    private static readonly Regex VersionKey = new(
        @"^(openapi|swagger)\s*:|""(openapi|swagger)""\s*:",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static bool HasSpecExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Other YAML and JSON files (settings, fixtures) pass through silently.</summary>
    public static bool LooksLikeOpenApi(string text) => VersionKey.IsMatch(text);

    /// <summary>Why a file is not an OpenAPI document, for DDG013; null when it looks like one.</summary>
    public static string? WhyNotOpenApi(string? text) => text switch
    {
        null => "it could not be read",
        _ when string.IsNullOrWhiteSpace(text) => "it is empty",
        _ when !LooksLikeOpenApi(text) => "it has no top-level 'openapi' or 'swagger' key",
        _ => null,
    };
}
