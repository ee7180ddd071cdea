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

    private readonly OpenApiDocument _document;
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly EquatableArray<TypeRef> _errorFallbacks;
    private readonly Dictionary<string, MemberNameScope> _methodNames = new(StringComparer.Ordinal);

    private readonly HashSet<string> _withoutCredentials;

    public OperationMapper(OpenApiDocument document, string specText, SchemaMapper schemas, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        _document = document;
        _withoutCredentials = ExplicitNoSecurity.FindOperationIds(specText);
        _schemas = schemas;
        _errorFallbacks = ErrorFallbacksOf(document, schemas);
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public EquatableArray<ApiGroupSpec> Map(IReadOnlyList<SelectedOperation> operations)
    {
        var groups = new SortedDictionary<string, List<OperationSpec>>(StringComparer.Ordinal);
        var groupDescriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var classNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var interfaceNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var selected in operations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var tag = selected.Operation.Tags.FirstOrDefault();
            var tagName = tag?.Name ?? "Default";
            if (!classNames.TryGetValue(tagName, out var className))
            {
                classNames[tagName] = className = _schemas.ClaimApiClassName(Naming.ToPascalCase(tagName) + "Api", tagName);
                interfaceNames[className] = _schemas.ClaimApiClassName("I" + className, tagName);
            }

            if (!groups.TryGetValue(className, out var members))
            {
                groups[className] = members = new List<OperationSpec>();
                groupDescriptions[className] = tag?.Description;
            }

            var methodName = MethodNames(className).Claim("Operation", selected.OperationId, selected.OperationId, Naming.ToPascalCase(selected.OperationId));
            members.Add(MapOperation(selected, methodName));
        }

        return groups
            .Select(group => new ApiGroupSpec(
                group.Key,
                interfaceNames[group.Key],
                groupDescriptions[group.Key],
                group.Value.OrderBy(operation => operation.MethodName, StringComparer.Ordinal).ToEquatableArray()))
            .ToEquatableArray();
    }

    public static string OperationNameOf(string path, string operationId)
    {
        var version = ApiVersion.Match(path);
        return version.Success ? version.Groups[1].Value + "." + operationId : operationId;
    }

    private MemberNameScope MethodNames(string className)
    {
        if (!_methodNames.TryGetValue(className, out var scope))
        {
            _methodNames[className] = scope = new MemberNameScope(new[] { className }, _diagnostics);
        }

        return scope;
    }

    private OperationSpec MapOperation(SelectedOperation selected, string methodName)
    {
        var operation = selected.Operation;
        var taken = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        // A parameter $ref that did not resolve has no name; SpecReader reported it (DDG003).
        var parameters = operation.Parameters
            .Where(parameter => parameter?.Name is not null && !parameter.UnresolvedReference)
            .Where(parameter => parameter.In is OpenApiLocation.Path or OpenApiLocation.Query or OpenApiLocation.Header)
            .Select(parameter => MapParameter(parameter, methodName, taken))
            .OrderBy(parameter => parameter.IsRequired ? 0 : 1)
            .ToList();

        foreach (var cookie in operation.Parameters.Where(parameter => parameter?.In == OpenApiLocation.Cookie))
        {
            _diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, selected.OperationId,
                selected.OperationId, $"cookie parameter '{cookie.Name}' is not supported", "no parameter");
        }

        var body = RequestBodyMapper.Map(operation, methodName, taken, _schemas, _diagnostics);
        var (subdomain, serverAddress) = ServerOf(operation);
        var success = MapSuccess(operation, methodName);
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
            subdomain,
            serverAddress,
            _withoutCredentials.Contains(selected.OperationId) ? AuthMethods.None : AuthOf(operation),
            parameters.ToEquatableArray(),
            body,
            success,
            MapErrors(operation, methodName),
            _errorFallbacks,
            PaginationMapper.Map(operation, selected.OperationId, parameters, body, success, _schemas, _diagnostics));
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
        return new ParameterSpec(
            parameter.Name,
            name,
            location,
            type,
            parameter.Required || location == ParameterLocation.Path,
            parameter.Explode,
            parameter.Description);
    }

    private ResponseSpec? MapSuccess(OpenApiOperation operation, string methodName)
    {
        var success = operation.Responses
            .Where(response => response.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(response => response.Key, StringComparer.Ordinal)
            .Select(response => response.Value?.Content)
            .FirstOrDefault(content => content is { Count: > 0 });
        if (success is null)
        {
            return null;
        }

        if (MediaTypes.JsonEntry(success) is { } json)
        {
            return new ResponseSpec(BodyKind.Json, _schemas.Map(json.Value.Schema, methodName + "Response"), MediaTypes.Essence(json.Key));
        }

        // YAML, CSV and other text come back as a string, archives and forms as bytes.
        var mediaType = success.Keys.OrderBy(key => key, StringComparer.Ordinal).First();
        var kind = MediaTypes.IsText(mediaType) ? BodyKind.Text : BodyKind.Binary;
        return new ResponseSpec(kind, TypeRef.Primitive(TypeKind.String), mediaType);
    }

    private EquatableArray<ErrorResponseSpec> MapErrors(OpenApiOperation operation, string methodName) =>
        operation.Responses
            .Where(response => !response.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(response => response.Key, StringComparer.Ordinal)
            .Select(response => (Status: response.Key, Media: MediaTypes.Json(response.Value?.Content)))
            .Where(response => response.Media is not null)
            .Select(response => new ErrorResponseSpec(response.Status, _schemas.Map(response.Media!.Schema, methodName + "Error" + Naming.ToPascalCase(response.Status))))
            .ToEquatableArray();

    /// <summary>
    /// Operations served from another host override servers. Log and event intake use
    /// "https://{subdomain}.{site}" with their own subdomain, so the site still comes from Configuration; others
    /// (On-Call paging) name whole hosts, and their default host is used.
    /// </summary>
    private static (string? Subdomain, string? Address) ServerOf(OpenApiOperation operation)
    {
        var server = operation.Servers?.FirstOrDefault();
        if (server is null)
        {
            return (null, null);
        }

        if (server.Variables.TryGetValue("subdomain", out var subdomain) && !string.IsNullOrEmpty(subdomain.Default))
        {
            return (subdomain.Default, null);
        }

        var address = server.Url;
        foreach (var variable in server.Variables)
        {
            address = address.Replace("{" + variable.Key + "}", variable.Value.Default);
        }

        return (null, address.TrimEnd('/') + "/");
    }

    /// <summary>
    /// Datadog's error shapes, tried in this order when a status is undeclared or its declared model does not
    /// fit: real endpoints answer in the JSON:API shape even where the spec says APIErrorResponse.
    /// </summary>
    private static EquatableArray<TypeRef> ErrorFallbacksOf(OpenApiDocument document, SchemaMapper schemas)
    {
        var components = document.Components?.Schemas;
        if (components is null)
        {
            return EquatableArray<TypeRef>.Empty;
        }

        return new[] { "JSONAPIErrorResponse", "APIErrorResponse" }
            .Where(components.ContainsKey)
            .Select(id => schemas.Map(components[id], id))
            .Where(type => type.Kind == TypeKind.Model)
            .ToEquatableArray();
    }

    /// <summary>The credentials the operation's security requirements (or the document's) name.</summary>
    private AuthMethods AuthOf(OpenApiOperation operation)
    {
        var requirements = operation.Security is { Count: > 0 } ? operation.Security : _document.SecurityRequirements;
        if (requirements is null || requirements.Count == 0)
        {
            return AuthMethods.ApiKey | AuthMethods.ApplicationKey;
        }

        var methods = AuthMethods.None;
        foreach (var scheme in requirements.SelectMany(requirement => requirement.Keys))
        {
            methods |= scheme switch
            {
                { Type: SecuritySchemeType.ApiKey, Name: var header } when string.Equals(header, "DD-API-KEY", StringComparison.OrdinalIgnoreCase) => AuthMethods.ApiKey,
                { Type: SecuritySchemeType.ApiKey } => AuthMethods.ApplicationKey,
                { Type: SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect or SecuritySchemeType.Http } => AuthMethods.AccessToken,
                _ => AuthMethods.None,
            };
        }

        return methods;
    }

    private static string? UnstableNoteOf(OpenApiOperation operation) =>
        operation.Extensions.TryGetValue("x-unstable", out var raw)
            ? raw is OpenApiString text && text.Value.Length > 0 ? text.Value : "This operation is unstable."
            : null;
}

/// <summary>An operation chosen for generation, with its place in the spec.</summary>
internal sealed record SelectedOperation(string Path, string Method, string OperationId, OpenApiOperation Operation);
