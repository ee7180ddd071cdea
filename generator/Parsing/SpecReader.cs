using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
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

    private static readonly Regex ReferenceTarget = new(@"Invalid Reference identifier '([^']+)'", RegexOptions.CultureInvariant);

    private static readonly Regex YamlPosition = new(
        @"^\(Lin: (?<line>\d+), Col: (?<column>\d+), Chr: \d+\) - \(Lin: \d+, Col: \d+, Chr: \d+\):(?<text>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>Far above Datadog's 4.2 MB spec; a larger file is more likely a mistake than an API.</summary>
    public const int MaxSpecLength = 64 * 1024 * 1024;

    /// <param name="text">The spec.</param>
    /// <param name="selection">DatadogGenOperations; when set, only those operations' part of the spec is read.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static OpenApiDocument? Read(string text, string selection, DiagnosticSink diagnostics)
    {
        if (text.Length > MaxSpecLength)
        {
            diagnostics.Report(DiagnosticDescriptors.LimitExceeded, 0, diagnostics.FileName,
                "it holds " + text.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters, more than " + MaxSpecLength.ToString("N0", CultureInfo.InvariantCulture));
            return null;
        }

        var settings = new OpenApiReaderSettings
        {
            ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
        };

        OpenApiDocument? document;
        OpenApiDiagnostic readerDiagnostics;
        try
        {
            var normalized = YamlCompatibility.Normalize(text);
            var reader = new OpenApiStringReader(settings);
            document = null;
            readerDiagnostics = null!;
            if (SelectedOperationsDocument.TryCreate(normalized, selection) is { } selected)
            {
                var selectedDocument = reader.Read(selected, out var selectedDiagnostics);
                if (selectedDiagnostics.Errors.Count == 0 && selectedDocument?.Paths?.Count > 0)
                {
                    document = selectedDocument;
                    readerDiagnostics = selectedDiagnostics;
                }
            }

            if (document is null)
            {
                document = reader.Read(normalized, out readerDiagnostics);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticDescriptors.UnreadableSpec, 0, diagnostics.FileName, exception.Message);
            return null;
        }

        // A reference to a missing schema costs only the values typed by it (they become JsonElement), so it is
        // a warning and the rest of the client is still generated.
        foreach (var error in readerDiagnostics.Errors.Where(IsUnresolvedReference))
        {
            var target = ReferenceTarget.Match(error.Message);
            diagnostics.ReportAt(DiagnosticDescriptors.SpecProblem, target.Success ? "/" + target.Groups[1].Value : error.Pointer ?? string.Empty,
                error.Message + " Values of that schema are typed as JsonElement.");
        }

        // The version is only known once the text parsed: with errors it keeps its default, Swagger 2.0.
        var fatal = readerDiagnostics.Errors.Where(error => !IsUnresolvedReference(error)).ToList();
        if (fatal.Count > 0)
        {
            foreach (var error in fatal)
            {
                ReportReaderError(error, diagnostics);
            }

            return null;
        }

        if (readerDiagnostics.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0)
        {
            diagnostics.ReportAt(DiagnosticDescriptors.UnsupportedSpecVersion, "swagger", diagnostics.FileName, "Swagger 2.0");
            return null;
        }

        // A missing paths key already failed above (DDG001: 'paths' is REQUIRED). Empty paths may still come with
        // shared models: SpecParser generates those, or reports DDG008 when there is nothing at all.
        return document?.Paths is null ? null : document;
    }

    private static bool IsUnresolvedReference(OpenApiError error) =>
        error.Message?.StartsWith("Invalid Reference identifier", StringComparison.Ordinal) == true;

    /// <summary>
    /// YAML syntax errors carry "#line=N" as their pointer and "(Lin: l, Col: c, Chr: o) - (...): text" as their
    /// message, all zero-based; model errors carry a JSON pointer and no position.
    /// </summary>
    private static void ReportReaderError(OpenApiError error, DiagnosticSink diagnostics)
    {
        var message = error.Message ?? string.Empty;
        // SharpYaml stops alias bombs and runaway nesting itself; say that a limit was hit, not a typo.
        var descriptor = message.IndexOf("maximum", StringComparison.OrdinalIgnoreCase) >= 0
            ? DiagnosticDescriptors.LimitExceeded
            : DiagnosticDescriptors.UnreadableSpec;
        var position = YamlPosition.Match(message);
        if (position.Success)
        {
            var line = int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture);
            var column = int.Parse(position.Groups["column"].Value, CultureInfo.InvariantCulture);
            var text = position.Groups["text"].Value.Trim();
            diagnostics.ReportAt(descriptor, line, column, diagnostics.FileName,
                $"{text} (line {line + 1}, column {column + 1})");
            return;
        }

        var pointer = error.Pointer ?? string.Empty;
        var lineFromPointer = pointer.StartsWith(LinePointerPrefix, StringComparison.Ordinal)
            && int.TryParse(pointer.Substring(LinePointerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pointerLine)
            ? pointerLine
            : diagnostics.FindLineOfPointer(pointer);
        var described = pointer.Length == 0 || pointer.StartsWith(LinePointerPrefix, StringComparison.Ordinal)
            ? message
            : message + " (at " + pointer + ")";
        diagnostics.Report(descriptor, lineFromPointer, diagnostics.FileName, described);
    }
}
