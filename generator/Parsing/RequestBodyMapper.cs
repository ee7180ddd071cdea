using System.Collections.Generic;
using System.Linq;
using DatadogGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// Maps a request body by its content type: JSON to the body's model, text to a string, a form to one
/// parameter per field (files as streams), anything else to a stream of bytes.
/// </summary>
internal static class RequestBodyMapper
{
    public static RequestBodySpec? Map(OpenApiOperation operation, string methodName, HashSet<string> takenNames, SchemaMapper schemas, DiagnosticSink diagnostics)
    {
        var body = operation.RequestBody;
        if (body?.Content is null || body.Content.Count == 0)
        {
            return null;
        }

        var bodyName = operation.Extensions.TryGetValue("x-codegen-request-body-name", out var raw) && raw is OpenApiString text
            ? text.Value
            : "body";
        // Sent with the media type the spec names (v1's intake takes text/json), which servers may check.
        if (MediaTypes.JsonEntry(body.Content) is { } json)
        {
            var type = schemas.Map(json.Value.Schema, methodName + "Request");
            return Body(BodyKind.Json, MediaTypes.Essence(json.Key), type);
        }

        var first = body.Content.OrderBy(entry => entry.Key, System.StringComparer.Ordinal).First();
        var contentType = first.Key;
        if (MediaTypes.IsMultipart(contentType))
        {
            return new RequestBodySpec(string.Empty, BodyKind.Multipart, contentType, TypeRef.Primitive(TypeKind.Any), body.Required,
                body.Description, MapFields(first.Value.Schema, methodName, takenNames, schemas).ToEquatableArray());
        }

        var kind = MediaTypes.IsText(contentType) ? BodyKind.Text : BodyKind.Binary;
        return Body(kind, contentType, TypeRef.Primitive(TypeKind.String));

        RequestBodySpec Body(BodyKind kind, string contentType, TypeRef type) =>
            new(Naming.MakeUnique(Naming.ToCamelCase(bodyName), takenNames), kind, contentType, type, body.Required,
                body.Description, EquatableArray<MultipartFieldSpec>.Empty);
    }

    private static IEnumerable<MultipartFieldSpec> MapFields(OpenApiSchema? schema, string methodName, HashSet<string> takenNames, SchemaMapper schemas)
    {
        if (schema is null)
        {
            yield break;
        }

        foreach (var (jsonName, fieldSchema, isRequired) in SchemaShapes.CollectProperties(schema))
        {
            var isBinary = fieldSchema.Type == "string" && fieldSchema.Format is "binary" or "byte";
            var type = isBinary ? TypeRef.Primitive(TypeKind.String) : schemas.Map(fieldSchema, methodName + Naming.ToPascalCase(jsonName));
            yield return new MultipartFieldSpec(jsonName, Naming.MakeUnique(Naming.ToCamelCase(jsonName), takenNames), type, isBinary, isRequired, fieldSchema.Description);
        }
    }
}
