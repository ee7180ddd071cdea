using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// Options for several specs at once: RootNamespace for the project, and DatadogGenNamespace (and optionally
/// DatadogGenOperations) set per spec path (two specs in one namespace would both emit DatadogJson).
/// </summary>
internal sealed class PerFileSpecOptions(
    IReadOnlyDictionary<string, string> namespaceByPath,
    string rootNamespace = "Consumer",
    IReadOnlyDictionary<string, string>? operationsByPath = null)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } =
        new DictionaryOptions(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        var values = ImmutableDictionary<string, string>.Empty;
        if (namespaceByPath.TryGetValue(textFile.Path, out var ns))
        {
            values = values.Add("build_metadata.AdditionalFiles.DatadogGenNamespace", ns);
        }

        if (operationsByPath is not null && operationsByPath.TryGetValue(textFile.Path, out var operations))
        {
            values = values.Add("build_metadata.AdditionalFiles.DatadogGenOperations", operations);
        }

        return new DictionaryOptions(values);
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
