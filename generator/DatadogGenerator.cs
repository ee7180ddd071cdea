using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using DatadogGen.Generator.Diagnostics;
using DatadogGen.Generator.Emitting;
using DatadogGen.Generator.Model;
using DatadogGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DatadogGen.Generator;

/// <summary>
/// The pipeline: OpenAPI files among AdditionalFiles -> <see cref="SpecInput"/> -> <see cref="ApiSpec"/>
/// (parse) -> one source file per type and per API class. It never reads C# syntax, so editing C# costs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DatadogGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var candidates = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.HasSpecExtension(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ToCandidate(pair.Left, pair.Right, cancellationToken))
            .Where(static candidate => candidate is not null)
            .Select(static (candidate, _) => candidate!);

        var inputs = candidates
            .Where(static candidate => candidate.Spec is not null)
            .Select(static (candidate, _) => candidate.Spec!)
            .WithTrackingName(TrackingNames.SpecFiles);

        // A file marked as a spec that is not one claims no namespace and is never parsed: it only reports DDG013.
        var notOpenApi = candidates
            .Where(static candidate => candidate.NotOpenApi is not null)
            .Select(static (candidate, _) => candidate.NotOpenApi!)
            .WithTrackingName(TrackingNames.NotOpenApi);
        context.RegisterSourceOutput(notOpenApi, static (output, info) => output.ReportDiagnostic(info.ToDiagnostic()));

        // Only namespaces and paths are collected, so editing one spec's text leaves the others' steps cached.
        var namespaceOwners = inputs
            .Select(static (input, _) => new NamespaceClaim(input.Namespace, input.Path))
            .Collect()
            .Select(static (claims, _) => NamespaceClaim.FirstClaims(claims))
            .WithTrackingName(TrackingNames.NamespaceOwners);

        var specs = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .Combine(namespaceOwners)
            .Select(static (pair, _) => NamespaceClaim.KeepIfOwner(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        var diagnostics = specs
            .Select(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, infos) =>
        {
            foreach (var info in infos)
            {
                output.ReportDiagnostic(info.ToDiagnostic());
            }
        });

        var types = specs
            .SelectMany(static (spec, _) => TypeFiles.Group(spec.Types).Select(file => new TypesToEmit(spec.SourcePath, spec.Namespace, spec.Accessibility, file.Key, file.Types)))
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, static (output, item) =>
            AddSource(output, item.SourcePath, item.Namespace + "." + item.FileKey + ".g.cs",
                writer => EmitTypes(writer, item)));

        var apis = specs
            .SelectMany(static (spec, _) => spec.Apis.Select(api => new ApiToEmit(spec.SourcePath, spec.Namespace, spec.Accessibility, spec.UnstableAsExperimental, api)))
            .WithTrackingName(TrackingNames.Apis);
        context.RegisterSourceOutput(apis, static (output, item) =>
            AddSource(output, item.SourcePath, item.Namespace + "." + item.Api.ClassName + ".g.cs",
                writer => EmitInNamespace(writer, item.Namespace, () => ApiEmitter.Emit(writer, item.Api, item.Accessibility, item.UnstableAsExperimental))));

        // A spec of shared models (no operations) still needs DatadogJson for its models to serialize.
        var support = specs
            .Where(static spec => spec.Apis.Count > 0 || spec.Types.Count > 0)
            .Select(static (spec, _) => new SupportToEmit(
                spec.SourcePath,
                spec.Namespace,
                spec.Accessibility,
                spec.Types.Select(type => type.Name).ToEquatableArray(),
                spec.Apis,
                spec.UnstableOperations))
            .WithTrackingName(TrackingNames.Support);
        context.RegisterSourceOutput(support, static (output, item) =>
            AddSource(output, item.SourcePath, item.Namespace + ".DatadogJson.g.cs", writer => EmitInNamespace(writer, item.Namespace, () =>
            {
                SupportEmitter.EmitJsonContext(writer, item.Namespace, item.Accessibility, item.TypeNames, item.Apis);
                if (item.Apis.Count > 0)
                {
                    writer.Line();
                    SupportEmitter.EmitRegistrations(writer, item.Apis, item.UnstableOperations);
                }
            })));
    }

    /// <summary>
    /// A spec, a marked file that is not OpenAPI, or null for any other YAML or JSON file (settings, fixtures),
    /// which passes through silently.
    /// </summary>
    private static SpecCandidate? ToCandidate(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!GeneratorOptions.IsEnabled(options.GlobalOptions))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString();
        var fileOptions = options.GetOptions(file);
        var whyNotOpenApi = SpecFiles.WhyNotOpenApi(text);
        if (whyNotOpenApi is null)
        {
            return SpecCandidate.Of(ToInput(file.Path, text!, fileOptions, options.GlobalOptions));
        }

        return GeneratorOptions.SpecMarker(fileOptions) is { } marker
            ? SpecCandidate.Rejected(DiagnosticInfo.AtStartOf(file.Path, DiagnosticDescriptors.MarkedFileNotOpenApi, Path.GetFileName(file.Path), marker, whyNotOpenApi))
            : null;
    }

    private static SpecInput ToInput(string path, string text, AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions global) =>
        new(
            path,
            text,
            GeneratorOptions.ReadNamespace(fileOptions, global),
            GeneratorOptions.Read(fileOptions, global, GeneratorOptions.Operations),
            GeneratorOptions.ReadAccessibility(fileOptions, global),
            GeneratorOptions.ReadFlag(fileOptions, global, GeneratorOptions.UnstableAsExperimental),
            GeneratorOptions.ReadFlag(fileOptions, global, GeneratorOptions.ExcludeDeprecated));

    private static void EmitTypes(SourceWriter writer, TypesToEmit item)
    {
        EmitInNamespace(writer, item.Namespace, () =>
        {
            for (var index = 0; index < item.Types.Count; index++)
            {
                if (index > 0)
                {
                    writer.Line();
                }

                switch (item.Types[index])
                {
                    case ModelSpec model:
                        ModelEmitter.Emit(writer, model, item.Accessibility);
                        break;
                    case EnumSpec enumeration:
                        EnumEmitter.Emit(writer, enumeration, item.Accessibility);
                        break;
                    case UnionSpec union:
                        UnionEmitter.Emit(writer, union, item.Accessibility);
                        break;
                }
            }
        });
    }

    private static void EmitInNamespace(SourceWriter writer, string ns, Action emit)
    {
        using (writer.Block("namespace " + ns))
        {
            emit();
        }
    }

    /// <summary>Emits one file; a failure becomes a DDG diagnostic on the spec instead of crashing the build.</summary>
    private static void AddSource(SourceProductionContext output, string sourcePath, string hintName, Action<SourceWriter> emit)
    {
        try
        {
            var writer = GeneratedFile.Start(Path.GetFileName(sourcePath));
            emit(writer);
            output.AddSource(hintName, SourceText.From(writer.ToString(), System.Text.Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var location = Location.Create(sourcePath, default, default);
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, location,
                Path.GetFileName(sourcePath), hintName, exception.GetType().Name + ": " + exception.Message));
        }
    }

    private sealed record TypesToEmit(string SourcePath, string Namespace, string Accessibility, string FileKey, EquatableArray<TypeSpec> Types);

    private sealed record ApiToEmit(string SourcePath, string Namespace, string Accessibility, bool UnstableAsExperimental, ApiGroupSpec Api);

    private sealed record SupportToEmit(string SourcePath, string Namespace, string Accessibility, EquatableArray<string> TypeNames, EquatableArray<ApiGroupSpec> Apis, EquatableArray<string> UnstableOperations);
}
