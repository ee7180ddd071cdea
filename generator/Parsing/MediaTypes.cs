using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>Which content types a body or response is read as: JSON, text, or bytes.</summary>
internal static class MediaTypes
{
    public static OpenApiMediaType? Json(IDictionary<string, OpenApiMediaType>? content) => JsonEntry(content)?.Value;

    /// <summary>The JSON entry of a content map: application/json if listed, else the first other JSON type.</summary>
    public static KeyValuePair<string, OpenApiMediaType>? JsonEntry(IDictionary<string, OpenApiMediaType>? content) =>
        (content ?? new Dictionary<string, OpenApiMediaType>())
            .Where(media => IsJson(media.Key))
            .OrderBy(media => Essence(media.Key) == "application/json" ? 0 : 1)
            .ThenBy(media => media.Key, StringComparer.Ordinal)
            .Select(media => (KeyValuePair<string, OpenApiMediaType>?)media)
            .FirstOrDefault();

    /// <summary>application/json, text/json and any structured-syntax +json type, parameters (charset) aside.</summary>
    public static bool IsJson(string mediaType)
    {
        var essence = Essence(mediaType);
        return essence == "application/json" || essence == "text/json" || essence.EndsWith("+json", StringComparison.Ordinal);
    }

    /// <summary>The type/subtype without parameters, lower case: "Application/JSON; charset=utf-8" is "application/json".</summary>
    public static string Essence(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.Substring(0, semicolon)).Trim().ToLowerInvariant();
    }

    public static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("yaml", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.StartsWith("application/logplex", StringComparison.OrdinalIgnoreCase);

    public static bool IsMultipart(string mediaType) =>
        mediaType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
}
