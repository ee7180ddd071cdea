using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DatadogGen.Generator.Diagnostics;
using DatadogGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using OpenApiLocation = Microsoft.OpenApi.Models.ParameterLocation;
using ParameterLocation = DatadogGen.Generator.Model.ParameterLocation;

namespace DatadogGen.Generator.Parsing;

/// <summary>Maps the selected operations to API classes (one per tag); their schemas go to the <see cref="SchemaMapper"/>.</summary>
internal sealed class OperationMapper
{
    private static readonly Regex ApiVersion = new(@"^/api/(v\d+)/", RegexOptions.CultureInvariant);

    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;
    private readonly CancellationToken _cancellationToken;

    public OperationMapper(SchemaMapper schemas, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public EquatableArray<ApiGroupSpec> Map(IReadOnlyList<SelectedOperation> operations)
    {
        var groups = new SortedDictionary<string, List<OperationSpec>>(StringComparer.Ordinal);
        var groupDescriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var selected in operations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var tag = selected.Operation.Tags.FirstOrDefault();
            var className = Naming.ToTypeName(Naming.ToPascalCase(tag?.Name ?? "Default") + "Api");
            if (!groups.TryGetValue(className, out var members))
            {
                groups[className] = members = new List<OperationSpec>();
                groupDescriptions[className] = tag?.Description;
            }

            members.Add(MapOperation(selected));
        }

        return groups
            .Select(group => new ApiGroupSpec(
                group.Key,
                groupDescriptions[group.Key],
                group.Value.OrderBy(operation => operation.MethodName, StringComparer.Ordinal).ToEquatableArray()))
            .ToEquatableArray();
    }

    public static string OperationNameOf(string path, string operationId)
    {
        var version = ApiVersion.Match(path);
        return version.Success ? version.Groups[1].Value + "." + operationId : operationId;
    }

    private OperationSpec MapOperation(SelectedOperation selected)
    {
        var operation = selected.Operation;
        var methodName = Naming.ToPascalCase(selected.OperationId);
        var taken = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var parameters = operation.Parameters
            .Where(parameter => parameter.In is OpenApiLocation.Path or OpenApiLocation.Query or OpenApiLocation.Header)
            .Select(parameter => MapParameter(parameter, methodName, taken))
            .OrderBy(parameter => parameter.IsRequired ? 0 : 1)
            .ToList();

        foreach (var cookie in operation.Parameters.Where(parameter => parameter.In == OpenApiLocation.Cookie))
        {
            _diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, selected.OperationId,
                selected.OperationId, $"cookie parameter '{cookie.Name}' is not supported", "no parameter");
        }

        return new OperationSpec(
            selected.OperationId,
            methodName,
            OperationNameOf(selected.Path, selected.OperationId),
            selected.Method.ToUpperInvariant(),
            selected.Path,
            operation.Summary,
            operation.Description,
            UnstableNoteOf(operation),
            operation.Deprecated,
            parameters.ToEquatableArray(),
            MapBody(operation, methodName, taken),
            MapSuccess(operation, methodName),
            MapErrors(operation, methodName));
    }

    private ParameterSpec MapParameter(OpenApiParameter parameter, string methodName, HashSet<string> taken)
    {
        var name = Naming.MakeUnique(Naming.ToCamelCase(parameter.Name), taken);
        var location = parameter.In switch
        {
            OpenApiLocation.Path => ParameterLocation.Path,
            OpenApiLocation.Header => ParameterLocation.Header,
            _ => ParameterLocation.Query,
        };
        var type = _schemas.Map(parameter.Schema, methodName + Naming.ToPascalCase(parameter.Name) + "Parameter");
        return new ParameterSpec(parameter.Name, name, location, type, parameter.Required || location == ParameterLocation.Path, parameter.Description);
    }

    private RequestBodySpec? MapBody(OpenApiOperation operation, string methodName, HashSet<string> taken)
    {
        var body = operation.RequestBody;
        if (body is null)
        {
            return null;
        }

        var json = JsonMediaType(body.Content);
        if (json is null)
        {
            _diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, operation.OperationId ?? methodName, methodName,
                "request bodies other than JSON (" + string.Join(", ", body.Content.Keys) + ") are not supported yet", "no body parameter");
            return null;
        }

        var bodyName = operation.Extensions.TryGetValue("x-codegen-request-body-name", out var raw) && raw is OpenApiString text
            ? text.Value
            : "body";
        var type = _schemas.Map(json.Schema, methodName + "Request");
        return new RequestBodySpec(Naming.MakeUnique(Naming.ToCamelCase(bodyName), taken), type, body.Required, body.Description);
    }

    private TypeRef? MapSuccess(OpenApiOperation operation, string methodName)
    {
        var success = operation.Responses
            .Where(response => response.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(response => response.Key, StringComparer.Ordinal)
            .Select(response => JsonMediaType(response.Value.Content))
            .FirstOrDefault(media => media is not null);
        return success is null ? null : _schemas.Map(success.Schema, methodName + "Response");
    }

    private EquatableArray<ErrorResponseSpec> MapErrors(OpenApiOperation operation, string methodName) =>
        operation.Responses
            .Where(response => !response.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(response => response.Key, StringComparer.Ordinal)
            .Select(response => (Status: response.Key, Media: JsonMediaType(response.Value.Content)))
            .Where(response => response.Media is not null)
            .Select(response => new ErrorResponseSpec(response.Status, _schemas.Map(response.Media!.Schema, methodName + "Error" + Naming.ToPascalCase(response.Status))))
            .ToEquatableArray();

    private static OpenApiMediaType? JsonMediaType(IDictionary<string, OpenApiMediaType> content) =>
        content
            .Where(media => IsJson(media.Key))
            .OrderBy(media => media.Key == "application/json" ? 0 : 1)
            .Select(media => media.Value)
            .FirstOrDefault();

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string? UnstableNoteOf(OpenApiOperation operation) =>
        operation.Extensions.TryGetValue("x-unstable", out var raw)
            ? raw is OpenApiString text && text.Value.Length > 0 ? text.Value : "This operation is unstable."
            : null;
}

/// <summary>An operation chosen for generation, with its place in the spec.</summary>
internal sealed record SelectedOperation(string Path, string Method, string OperationId, OpenApiOperation Operation);
