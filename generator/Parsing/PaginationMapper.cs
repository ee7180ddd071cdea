using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DatadogGen.Generator.Diagnostics;
using DatadogGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// Resolves Datadog's x-pagination extension (cursorParam, cursorPath, limitParam, pageOffsetParam, pageParam,
/// pageStart, resultsPath) against the operation's parameters, request body and response schema.
/// </summary>
internal static class PaginationMapper
{
    private const string BodyPrefix = "body.";
    private const long DatadogDefaultPageSize = 10;

    public static PaginationSpec? Map(
        OpenApiOperation operation,
        string operationId,
        IReadOnlyList<ParameterSpec> parameters,
        RequestBodySpec? body,
        ResponseSpec? success,
        SchemaMapper schemas,
        DiagnosticSink diagnostics)
    {
        if (!operation.Extensions.TryGetValue("x-pagination", out var raw) || raw is not OpenApiObject settings)
        {
            return null;
        }

        try
        {
            return Resolve(operation, settings, parameters, body, success, schemas);
        }
        catch (InvalidOperationException unresolved)
        {
            diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, operationId, operationId,
                "x-pagination could not be resolved (" + unresolved.Message + ")", "no WithPaginationAsync helper");
            return null;
        }
    }

    private static PaginationSpec Resolve(
        OpenApiOperation operation,
        OpenApiObject settings,
        IReadOnlyList<ParameterSpec> parameters,
        RequestBodySpec? body,
        ResponseSpec? success,
        SchemaMapper schemas)
    {
        var (mode, pageSetting) = Text(settings, "cursorParam") is { } cursor ? (PaginationMode.Cursor, cursor)
            : Text(settings, "pageOffsetParam") is { } offset ? (PaginationMode.Offset, offset)
            : Text(settings, "pageParam") is { } page ? (PaginationMode.PageNumber, page)
            : throw new InvalidOperationException("no cursorParam, pageOffsetParam or pageParam");
        var limitSetting = Text(settings, "limitParam");
        var responseSchema = MediaTypes.Json(operation.Responses.Where(r => r.Key.StartsWith("2", StringComparison.Ordinal)).Select(r => r.Value.Content).FirstOrDefault() ?? new Dictionary<string, OpenApiMediaType>())?.Schema;
        if (success is not { Kind: BodyKind.Json } || responseSchema is null)
        {
            throw new InvalidOperationException("the response is not JSON");
        }

        var results = Walk(responseSchema, success.Type, Text(settings, "resultsPath") ?? "data", schemas);
        var itemType = results.Type.Kind == TypeKind.Array ? results.Type.Element! : throw new InvalidOperationException("resultsPath is not an array");
        var cursorPath = mode == PaginationMode.Cursor
            ? Walk(responseSchema, success.Type, Text(settings, "cursorPath") ?? throw new InvalidOperationException("no cursorPath"), schemas).Chain
            : null;

        var inBody = pageSetting.StartsWith(BodyPrefix, StringComparison.Ordinal);
        var bodyPath = EquatableArray<BodyPathStep>.Empty;
        string? bodyPage = null, bodyLimit = null;
        var limitSchema = limitSetting is null ? null : operation.Parameters.FirstOrDefault(p => p.Name == limitSetting)?.Schema;
        if (inBody)
        {
            var bodySchema = MediaTypes.Json(operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())?.Schema;
            if (body is not { Kind: BodyKind.Json } || bodySchema is null)
            {
                throw new InvalidOperationException("the paging properties are in a body that is not JSON");
            }

            (bodyPath, bodyPage, var pageParent) = WalkBody(bodySchema, body.Type, pageSetting.Substring(BodyPrefix.Length), schemas);
            if (limitSetting is not null)
            {
                var (limitPath, limitProperty, limitParent) = WalkBody(bodySchema, body.Type, limitSetting.Substring(BodyPrefix.Length), schemas);
                if (!limitPath.Equals(bodyPath))
                {
                    throw new InvalidOperationException("cursor and limit are in different body objects");
                }

                bodyLimit = limitProperty;
                limitSchema = SchemaShapes.CollectProperties(limitParent).First(p => Naming.ToPascalCase(p.JsonName) == limitProperty).Schema;
            }
        }

        return new PaginationSpec(
            mode,
            inBody ? null : ParameterNamed(parameters, pageSetting),
            inBody || limitSetting is null ? null : ParameterNamed(parameters, limitSetting),
            bodyPath,
            bodyPage,
            bodyLimit,
            Number(limitSchema?.Default) ?? DatadogDefaultPageSize,
            Number(settings.TryGetValue("pageStart", out var start) ? start : null) ?? 0,
            results.Chain,
            itemType,
            cursorPath);
    }

    /// <summary>Follows a dotted JSON path through the response schema to a null-conditional C# chain and its type.</summary>
    private static (string Chain, TypeRef Type) Walk(OpenApiSchema schema, TypeRef type, string path, SchemaMapper schemas)
    {
        var chain = new List<string>();
        foreach (var segment in path.Split('.'))
        {
            var (propertySchema, propertyName) = Property(schema, segment);
            type = schemas.Map(propertySchema, type.Name + Naming.ToPascalCase(segment));
            schema = propertySchema;
            chain.Add(propertyName);
        }

        return (string.Join("?.", chain), type);
    }

    private static (EquatableArray<BodyPathStep> Path, string Property, OpenApiSchema Parent) WalkBody(OpenApiSchema schema, TypeRef type, string path, SchemaMapper schemas)
    {
        var segments = path.Split('.');
        var steps = new List<BodyPathStep>();
        for (var index = 0; index < segments.Length - 1; index++)
        {
            var (propertySchema, propertyName) = Property(schema, segments[index]);
            type = schemas.Map(propertySchema, type.Name + Naming.ToPascalCase(segments[index]));
            if (type.Kind != TypeKind.Model)
            {
                throw new InvalidOperationException("'" + segments[index] + "' is not an object");
            }

            steps.Add(new BodyPathStep(propertyName, TypeNames.CSharp(type)));
            schema = propertySchema;
        }

        var last = Property(schema, segments[segments.Length - 1]);
        return (steps.ToEquatableArray(), last.Name, schema);
    }

    private static (OpenApiSchema Schema, string Name) Property(OpenApiSchema schema, string jsonName)
    {
        var property = SchemaShapes.CollectProperties(schema).FirstOrDefault(candidate => candidate.JsonName == jsonName);
        return property.Schema is null
            ? throw new InvalidOperationException("no property '" + jsonName + "'")
            : (property.Schema, Naming.ToPascalCase(jsonName));
    }

    private static string ParameterNamed(IReadOnlyList<ParameterSpec> parameters, string wireName) =>
        parameters.FirstOrDefault(parameter => parameter.WireName == wireName)?.Name
        ?? throw new InvalidOperationException("no parameter '" + wireName + "'");

    private static string? Text(OpenApiObject settings, string key) =>
        settings.TryGetValue(key, out var value) && value is OpenApiString text ? text.Value : null;

    private static long? Number(IOpenApiAny? value) => value switch
    {
        OpenApiInteger number => number.Value,
        OpenApiLong number => number.Value,
        OpenApiString text when long.TryParse(text.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
