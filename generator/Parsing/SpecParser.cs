using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DatadogGen.Generator.Diagnostics;
using DatadogGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// The parse step: spec text in, <see cref="ApiSpec"/> out. Only the operations selected by
/// DatadogGenOperations, and the schemas they reach, make it into the model.
/// </summary>
internal static class SpecParser
{
    public static ApiSpec Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticSink(input.Path, input.Text);
        try
        {
            return ParseDocument(input, diagnostics, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never throw (CS8785): a bug of ours still reaches the user as a diagnostic.
            diagnostics.Report(DiagnosticDescriptors.GeneratorFailure, 0, diagnostics.FileName, "parsing", exception.GetType().Name + ": " + exception.Message);
            return Empty(input, diagnostics);
        }
    }

    private static ApiSpec ParseDocument(SpecInput input, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        var document = SpecReader.Read(input.Text, input.Operations, diagnostics);
        if (document is null)
        {
            return Empty(input, diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var available = EnumerateOperations(document, diagnostics);
        var selected = Select(available, input.Operations, diagnostics)
            .Where(operation => !(input.ExcludeDeprecated && operation.Operation.Deprecated))
            .ToList();
        var schemas = new SchemaMapper(document.Components, input.Namespace, diagnostics, cancellationToken);
        var apis = new OperationMapper(document, input.Text, schemas, diagnostics, cancellationToken).Map(selected);
        if (available.Count == 0)
        {
            MapEveryComponentSchema(document, schemas);
        }

        var types = schemas.Complete();
        if (available.Count == 0 && types.Count == 0)
        {
            diagnostics.Report(DiagnosticDescriptors.NoOperations, 0, diagnostics.FileName);
        }

        var unstable = apis
            .SelectMany(api => api.Operations)
            .Where(operation => operation.UnstableNote is not null)
            .Select(operation => operation.OperationName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToEquatableArray();
        return new ApiSpec(input.Path, input.Namespace, input.Accessibility, input.UnstableAsExperimental, types, apis, unstable, diagnostics.ToEquatableArray());
    }

    private static ApiSpec Empty(SpecInput input, DiagnosticSink diagnostics) =>
        new(input.Path, input.Namespace, input.Accessibility, input.UnstableAsExperimental, EquatableArray<TypeSpec>.Empty, EquatableArray<ApiGroupSpec>.Empty,
            EquatableArray<string>.Empty, diagnostics.ToEquatableArray());

    /// <summary>
    /// A spec of shared models has no operations to pick the schemas they reach, so every component schema is
    /// generated (aliases, as always, only where another schema uses them).
    /// </summary>
    private static void MapEveryComponentSchema(OpenApiDocument document, SchemaMapper schemas)
    {
        var components = document.Components?.Schemas;
        if (components is null)
        {
            return;
        }

        foreach (var component in components.OrderBy(component => component.Key, StringComparer.Ordinal))
        {
            schemas.Map(component.Value, component.Key);
        }
    }

    /// <summary>Every operation in path order; one without an operationId gets a derived one, with a warning.</summary>
    private static List<SelectedOperation> EnumerateOperations(OpenApiDocument document, DiagnosticSink diagnostics)
    {
        var operations = new List<SelectedOperation>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.Paths.OrderBy(path => path.Key, StringComparer.Ordinal))
        {
            foreach (var entry in path.Value.Operations.OrderBy(entry => entry.Key))
            {
                var method = entry.Key.ToString();
                var operationId = entry.Value.OperationId;
                if (string.IsNullOrWhiteSpace(operationId))
                {
                    operationId = Naming.ToPascalCase(method.ToLowerInvariant() + " " + path.Key);
                    diagnostics.ReportAt(DiagnosticDescriptors.MissingOperationId, path.Key, method.ToUpperInvariant(), path.Key, operationId);
                }
                else if (!usedIds.Add(operationId))
                {
                    var duplicate = operationId;
                    operationId = Naming.MakeUnique(operationId, usedIds);
                    diagnostics.ReportAt(DiagnosticDescriptors.MissingOperationId, "operationId: " + duplicate,
                        method.ToUpperInvariant(), path.Key + " (duplicate operationId '" + duplicate + "')", operationId);
                }

                usedIds.Add(operationId);
                operations.Add(new SelectedOperation(path.Key, method, operationId, entry.Value));
            }
        }

        return operations;
    }

    private static List<SelectedOperation> Select(List<SelectedOperation> available, string selection, DiagnosticSink diagnostics)
    {
        var requested = OperationSelection.Names(selection);
        if (requested.Count == 0)
        {
            return available;
        }

        var byId = available.ToDictionary(operation => operation.OperationId, StringComparer.Ordinal);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in requested)
        {
            var id = OperationSelection.OperationId(name);
            if (byId.ContainsKey(id))
            {
                chosen.Add(id);
                continue;
            }

            var closest = ClosestMatch.Find(id, byId.Keys);
            diagnostics.Report(DiagnosticDescriptors.UnknownOperation, 0, name, diagnostics.FileName,
                closest is null ? string.Empty : "; did you mean '" + closest + "'?");
        }

        return available.Where(operation => chosen.Contains(operation.OperationId)).ToList();
    }
}
