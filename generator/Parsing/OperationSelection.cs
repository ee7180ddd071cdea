using System;
using System.Collections.Generic;
using System.Linq;

namespace DatadogGen.Generator.Parsing;

/// <summary>How <c>DatadogGenOperations</c> is spelled: operationIds separated by ';', ',' or line breaks, each with or
/// without the API version users enable unstable operations with (<c>v2.CreateX</c>). In a build, build/DatadogGen.props
/// has already turned ';' and line breaks into ',' (the .editorconfig that carries the value cannot hold them).</summary>
internal static class OperationSelection
{
    /// <summary>The names as written, trimmed; empty means every operation.</summary>
    public static List<string> Names(string selection) =>
        selection
            .Split(new[] { ';', ',', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.Trim())
            .Where(name => name.Length > 0)
            .ToList();

    /// <summary>The operationId a name selects: "v2.CreateX" and "CreateX" both give "CreateX".</summary>
    public static string OperationId(string name)
    {
        var dot = name.IndexOf('.');
        return dot > 0 && name[0] == 'v' ? name.Substring(dot + 1) : name;
    }
}
