using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DatadogGen.Generator.Tests;

/// <summary>What one dotnet build printed (errors only) and its exit code.</summary>
internal sealed partial record BuildResult(int ExitCode, string Output)
{
    /// <summary>The distinct error codes in the output, e.g. DDG004 or CS0246.</summary>
    public IReadOnlyList<string> ErrorCodes =>
        ErrorCode().Matches(Output).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\berror ([A-Z]+[0-9]+)\s*:")]
    private static partial Regex ErrorCode();
}
