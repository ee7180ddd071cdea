using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DatadogGen.Testing;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// Datadog's v2 spec as the tests read it, independently of the generator (whose parsing is internal): operations
/// looked up by HTTP method and concrete path, with the component names of their request and response bodies.
/// </summary>
internal sealed partial class DatadogSpec
{
    private static readonly Lazy<DatadogSpec> Shared = new(() => Load(SharedData.PathOf("openapi-v2.yaml")));

    private readonly List<(string[] Segments, string Template, OpenApiPathItem Item)> _paths;

    private DatadogSpec(OpenApiDocument document)
    {
        Document = document;
        _paths = document.Paths
            .Select(p => (p.Key.Trim('/').Split('/'), p.Key, p.Value))
            .ToList();
    }

    /// <summary>../shared/datadog/openapi-v2.yaml, read once per test run (about a second).</summary>
    public static DatadogSpec Instance => Shared.Value;

    public OpenApiDocument Document { get; }

    public static DatadogSpec Load(string path)
    {
        var text = QuotePlainScalarsWithColonInFlowSequences(File.ReadAllText(path));
        // The spec's 243 "Data and type mismatch" example warnings are not what these tests are about.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        var document = new OpenApiStringReader(settings).Read(text, out var diagnostic);
        if (diagnostic.Errors.Count > 0)
        {
            throw new InvalidOperationException($"{path}: {string.Join("; ", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"))}");
        }

        return new DatadogSpec(document);
    }

    /// <summary>
    /// The operation a recorded request called: the path template whose literal segments match most, among
    /// those with this method. Null when this spec version does not have it.
    /// </summary>
    public SpecOperation? Find(string method, string path)
    {
        var type = Enum.Parse<OperationType>(method, ignoreCase: true);
        var segments = path.Trim('/').Split('/');
        SpecOperation? best = null;
        var bestLiterals = -1;
        foreach (var (templateSegments, template, item) in _paths)
        {
            if (templateSegments.Length != segments.Length || !item.Operations.TryGetValue(type, out var operation))
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var literals = 0;
            var matches = true;
            for (var index = 0; index < segments.Length && matches; index++)
            {
                var templateSegment = templateSegments[index];
                if (templateSegment.StartsWith('{') && templateSegment.EndsWith('}'))
                {
                    values[templateSegment[1..^1]] = Uri.UnescapeDataString(segments[index]);
                }
                else if (templateSegment == segments[index])
                {
                    literals++;
                }
                else
                {
                    matches = false;
                }
            }

            if (matches && literals > bestLiterals)
            {
                bestLiterals = literals;
                best = new SpecOperation(operation.OperationId, type, template, operation, item, values);
            }
        }

        return best;
    }

    /// <summary>
    /// YAML 1.2 allows <c>example: [this:tag, that:tag]</c>; SharpYaml 2.1.5 (inside Microsoft.OpenApi.Readers)
    /// does not (two lines of the published spec). Quoting those items keeps the document's meaning, as the
    /// generator does internally.
    /// </summary>
    internal static string QuotePlainScalarsWithColonInFlowSequences(string yaml)
    {
        var builder = new StringBuilder(yaml.Length + 64);
        foreach (var line in yaml.Split('\n'))
        {
            var match = FlowSequenceLine().Match(line);
            if (!match.Success)
            {
                builder.Append(line).Append('\n');
                continue;
            }

            var items = match.Groups["items"].Value.Split(',')
                .Select(item => item.Trim())
                .Select(item => item.Contains(':') && !item.Contains(": ") ? "\"" + item + "\"" : item);
            builder.Append(match.Groups["head"].Value).Append('[').Append(string.Join(", ", items)).Append(']')
                .Append(match.Groups["tail"].Value).Append('\n');
        }

        return builder.ToString(0, builder.Length - 1);
    }

    // "key: [a, b]" or "- [a, b]" on one line, items plain (no quotes, brackets, braces or comments).
    [GeneratedRegex(@"^(?<head>\s*(?:-\s+|[\w$.-]+:\s+))\[(?<items>[^\[\]{}""'#]*)\](?<tail>\s*)$")]
    private static partial Regex FlowSequenceLine();
}

/// <summary>One operation of the spec, as matched against a concrete request path.</summary>
internal sealed record SpecOperation(
    string OperationId,
    OperationType Method,
    string PathTemplate,
    OpenApiOperation Operation,
    OpenApiPathItem PathItem,
    IReadOnlyDictionary<string, string> PathValues)
{
    public bool IsUnstable => Operation.Extensions.ContainsKey("x-unstable");

    /// <summary>Operation parameters over path-level ones, as OpenAPI says.</summary>
    public IReadOnlyList<OpenApiParameter> Parameters =>
        [.. Operation.Parameters, .. PathItem.Parameters.Where(p => !Operation.Parameters.Any(o => o.Name == p.Name && o.In == p.In))];

    public OpenApiSchema? RequestBodySchema => JsonSchema(Operation.RequestBody?.Content);

    /// <summary>The body schema the spec declares for this status (exact, then 4XX-style, then default).</summary>
    public OpenApiSchema? ResponseSchema(int status)
    {
        var responses = Operation.Responses;
        var response = responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var exact) ? exact
            : responses.TryGetValue($"{status / 100}XX", out var range) ? range
            : responses.TryGetValue("default", out var fallback) ? fallback
            : null;
        return JsonSchema(response?.Content);
    }

    public bool DeclaresStatus(int status) =>
        Operation.Responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
        || Operation.Responses.ContainsKey($"{status / 100}XX")
        || Operation.Responses.ContainsKey("default");

    public override string ToString() => $"{OperationId} ({Method.ToString().ToUpperInvariant()} {PathTemplate})";

    private static OpenApiSchema? JsonSchema(IDictionary<string, OpenApiMediaType>? content) =>
        content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;
}
