using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>Which content types a body or response is read as: JSON, text, or bytes.</summary>
internal static class MediaTypes
{
    public static OpenApiMediaType? Json(IDictionary<string, OpenApiMediaType>? content) =>
        (content ?? new Dictionary<string, OpenApiMediaType>())
            .Where(media => IsJson(media.Key))
            .OrderBy(media => media.Key == "application/json" ? 0 : 1)
            .Select(media => media.Value)
            .FirstOrDefault();

    public static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    public static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("yaml", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.StartsWith("application/logplex", StringComparison.OrdinalIgnoreCase);

    public static bool IsMultipart(string mediaType) =>
        mediaType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
}
