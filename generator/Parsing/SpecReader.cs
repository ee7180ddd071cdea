using System;
using System.Collections.Generic;
using System.Globalization;
using DatadogGen.Generator.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace DatadogGen.Generator.Parsing;

/// <summary>
/// Turns spec text into an OpenApiDocument, or into DDG diagnostics that say where the text is wrong.
/// Nothing from Microsoft.OpenApi leaves the parse step: <see cref="SpecParser"/> maps the document to the model.
/// </summary>
internal static class SpecReader
{
    private const string LinePointerPrefix = "#line=";

    public static OpenApiDocument? Read(string text, DiagnosticSink diagnostics)
    {
        var reader = new OpenApiStringReader(new OpenApiReaderSettings
        {
            ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
        });

        OpenApiDocument? document;
        OpenApiDiagnostic readerDiagnostics;
        try
        {
            document = reader.Read(YamlCompatibility.Normalize(text), out readerDiagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticDescriptors.UnreadableSpec, 0, diagnostics.FileName, exception.Message);
            return null;
        }

        // The version is only known once the text parsed: with errors it keeps its default, Swagger 2.0.
        if (readerDiagnostics.Errors.Count > 0)
        {
            foreach (var error in readerDiagnostics.Errors)
            {
                diagnostics.Report(DiagnosticDescriptors.UnreadableSpec, LineOf(error, diagnostics), diagnostics.FileName, Describe(error));
            }

            return null;
        }

        if (readerDiagnostics.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0)
        {
            diagnostics.ReportAt(DiagnosticDescriptors.UnsupportedSpecVersion, "swagger", diagnostics.FileName, "Swagger 2.0");
            return null;
        }

        if (document?.Paths is null || document.Paths.Count == 0)
        {
            diagnostics.Report(DiagnosticDescriptors.NoOperations, 0, diagnostics.FileName);
            return null;
        }

        return document;
    }

    /// <summary>YAML syntax errors carry "#line=N" (zero-based) as their pointer; model errors carry a JSON pointer.</summary>
    private static int LineOf(OpenApiError error, DiagnosticSink diagnostics)
    {
        var pointer = error.Pointer ?? string.Empty;
        if (pointer.StartsWith(LinePointerPrefix, StringComparison.Ordinal)
            && int.TryParse(pointer.Substring(LinePointerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            return line;
        }

        return diagnostics.FindLineOfPointer(pointer);
    }

    private static string Describe(OpenApiError error) =>
        string.IsNullOrEmpty(error.Pointer) || error.Pointer.StartsWith(LinePointerPrefix, StringComparison.Ordinal)
            ? error.Message
            : error.Message + " (at " + error.Pointer + ")";
}
