using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DatadogGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Documented one by one in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "DatadogGen";

    public static readonly DiagnosticDescriptor UnreadableSpec = new(
        "DDG001",
        "Spec file could not be read",
        "'{0}' could not be read as OpenAPI: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSpecVersion = new(
        "DDG002",
        "Unsupported OpenAPI version",
        "'{0}' is {1}; DatadogGen reads OpenAPI 3.0 documents",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecProblem = new(
        "DDG003",
        "Spec problem",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownOperation = new(
        "DDG004",
        "Selected operation not in spec",
        "DatadogGenOperations names '{0}', which '{1}' does not define{2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingOperationId = new(
        "DDG005",
        "Operation without operationId",
        "{0} {1} has no operationId; using '{2}'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnmappedConstruct = new(
        "DDG006",
        "Construct mapped to a fallback",
        "{0}: {1}; generated as {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "DDG007",
        "Generation failed",
        "Generating '{0}' failed at {1}: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoOperations = new(
        "DDG008",
        "Spec defines no operations and no schemas",
        "'{0}' defines no operations and no component schemas, so nothing was generated",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SharedNamespace = new(
        "DDG009",
        "Two specs generate into one namespace",
        "'{0}' generates into namespace '{1}', which '{2}' already uses; set DatadogGenNamespace on one of them",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "DDG010",
        "Names collide in C#",
        "{0} '{1}' and another name become the same C# identifier; this one is generated as '{2}'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RenamedIdentifier = new(
        "DDG011",
        "Name changed to be a C# identifier",
        "{0} '{1}' cannot be used as written in C#; it is generated as '{2}'",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LimitExceeded = new(
        "DDG012",
        "Spec exceeds a limit",
        "'{0}' exceeds a limit that protects the build: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MarkedFileNotOpenApi = new(
        "DDG013",
        "File marked as a spec is not OpenAPI",
        "'{0}' is marked as a DatadogGen spec ({1} metadata) but is not an OpenAPI document: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new[]
    {
        UnreadableSpec, UnsupportedSpecVersion, SpecProblem, UnknownOperation, MissingOperationId,
        UnmappedConstruct, GeneratorFailure, NoOperations, SharedNamespace, NameCollision, RenamedIdentifier,
        LimitExceeded, MarkedFileNotOpenApi,
    }.ToDictionary(descriptor => descriptor.Id);

    public static DiagnosticDescriptor Find(string id) => ById[id];
}
