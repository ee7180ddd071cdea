using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DatadogGen.Sample.Datadog;

namespace DatadogGen.Sample;

/// <summary>What the sample prints: the request it sends, the attachment it got back, or why it failed.</summary>
internal static class Output
{
    private static readonly JsonTypeInfo<JSONAPIErrorResponse> JsonApiErrorsJson = DatadogJson.Default.JSONAPIErrorResponse;
    private static readonly JsonTypeInfo<APIErrorResponse> PlainErrorsJson = DatadogJson.Default.APIErrorResponse;

    public static void Request(TextWriter output, string incidentId, string file, PostmortemAttachmentRequest request)
    {
        PostmortemAttachmentRequestAttributes attributes = request.Data.Attributes;
        output.WriteLine($"Sending postmortem to incident {incidentId}");
        output.WriteLine($"  File:      {file}");
        output.WriteLine($"  Title:     {attributes.Title}");
        output.WriteLine($"  Cells:     {attributes.Cells?.Count ?? 0}");
        if (attributes.PostmortemTemplateId is { } templateId)
        {
            output.WriteLine($"  Template:  {templateId}");
        }
    }

    public static void Attachment(TextWriter output, Attachment attachment)
    {
        // Everything in the response is optional to the spec; show what is there rather than fail on what is not.
        AttachmentData? data = attachment.Data;
        output.WriteLine("Created postmortem attachment");
        output.WriteLine($"  Id:        {data?.Id ?? "(none)"}");
        output.WriteLine($"  Title:     {data?.Attributes?.Attachment?.Title ?? "(none)"}");
        output.WriteLine($"  Document:  {data?.Attributes?.Attachment?.DocumentUrl ?? "(none)"}");
        output.WriteLine($"  Type:      {data?.Attributes?.AttachmentType?.ToString() ?? "(none)"}");
        output.WriteLine($"  Modified:  {FormatTime(data?.Attributes?.Modified)}");
    }

    public static void ApiError(TextWriter error, ApiException exception)
    {
        List<string> details = ErrorDetails(exception);
        // The runtime's message already names the operation, the status and an excerpt of the body.
        if (exception.StatusCode == 0 || details.Count == 0)
        {
            error.WriteLine($"error: {exception.Message}");
            return;
        }

        error.WriteLine($"error: the request was rejected with HTTP {exception.StatusCode}:");
        foreach (string detail in details)
        {
            error.WriteLine($"  - {detail}");
        }
    }

    // The generated client parses error bodies only for the statuses the spec lists (400, 429), but Datadog
    // answers 403 and others in the same shapes, so try both on whatever body came back.
    private static List<string> ErrorDetails(ApiException exception)
    {
        if ((exception.GetError<JSONAPIErrorResponse>() ?? TryRead(exception.ResponseBody, JsonApiErrorsJson)) is { } jsonApi)
        {
            return [.. (jsonApi.Errors ?? []).OfType<JSONAPIErrorItem>().Select(Describe)];
        }

        if ((exception.GetError<APIErrorResponse>() ?? TryRead(exception.ResponseBody, PlainErrorsJson)) is { } plain)
        {
            return [.. (plain.Errors ?? []).OfType<string>()];
        }

        return [];
    }

    private static string Describe(JSONAPIErrorItem item)
    {
        string text = string.Join(": ", new[] { item.Title, item.Detail }.Where(part => !string.IsNullOrEmpty(part)));
        string? where = item.Source switch
        {
            { Pointer: { } pointer } => $"at {(pointer.Length == 0 ? "/" : pointer)}",
            { Header: { } header } => $"header {header}",
            { Parameter: { } parameter } => $"parameter {parameter}",
            _ => null,
        };
        return where is null ? text : $"{text} ({where})";
    }

    private static T? TryRead<T>(string? body, JsonTypeInfo<T> typeInfo) where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string FormatTime(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "(none)";
}
