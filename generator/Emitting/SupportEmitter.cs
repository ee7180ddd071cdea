using System;
using System.Collections.Generic;
using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits what a spec needs once: DatadogJson, the JsonSerializerContext that knows every generated type, and the
/// registration of its unstable operations and API classes with the runtime.
/// </summary>
internal static class SupportEmitter
{
    public static void EmitJsonContext(SourceWriter writer, string ns, string accessibility, EquatableArray<string> typeNames, EquatableArray<ApiGroupSpec> apis)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The JSON metadata of every generated type, without reflection (NativeAOT-safe):");
        writer.Line("/// <c>JsonSerializer.Serialize(value, DatadogJson.Default.Attachment)</c> for the types the API methods take or");
        writer.Line("/// return, <c>DatadogJson.Options</c> for any generated type, list or string-keyed map of one.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block(accessibility + " sealed partial class DatadogJson : global::DatadogGen.GeneratedCode.DatadogJsonContext"))
        {
            // An array, not an iterator: an iterator over Datadog's ~5,000 types is one state machine with as many
            // states, which cost the compiler about 4 s in every build (docs/BENCHMARKS.md). Declared before
            // Default, whose initializer reads it.
            writer.Line("private static readonly global::System.Text.Json.Serialization.JsonConverter[] __converters =");
            writer.Line("{");
            foreach (var name in typeNames)
            {
                writer.Line("    new " + TypeAttributes.Converter("global::" + ns + "." + name) + "(),");
            }

            writer.Line("};");
            writer.Line();
            writer.Line("private DatadogJson() : base(__converters) { }");
            writer.Line();
            writer.Line("/// <summary>The context: pass one of its properties to JsonSerializer.</summary>");
            writer.Line("public static DatadogJson Default { get; } = new();");
            writer.Line();
            writer.Line("/// <summary>Options whose resolver is <see cref=\"Default\"/>: <c>JsonSerializer.Serialize(value, DatadogJson.Options)</c>.</summary>");
            writer.Line("public static new global::System.Text.Json.JsonSerializerOptions Options => ((global::System.Text.Json.Serialization.JsonSerializerContext)Default).Options;");
            foreach (var (property, type) in JsonContextEntries(apis))
            {
                writer.Line();
                writer.Line("private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + type + ">? __" + property + ";");
                writer.Line("/// <summary>Metadata for " + XmlDocs.Escape(type.Replace("global::", string.Empty)) + ".</summary>");
                writer.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + type + "> " + property + " => __" + property + " ??= TypeInfo<" + type + ">();");
            }
        }
    }

    // What the API methods take and return (error models included), by the names System.Text.Json's own generator would give them:
    // Attachment, ListAttachment, DictionaryStringAttachment. Other generated types resolve through Options.
    private static IEnumerable<(string Property, string Type)> JsonContextEntries(EquatableArray<ApiGroupSpec> apis)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "TypeInfo", "DatadogJson", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };
        var types = apis.SelectMany(api => api.Operations)
            .SelectMany(operation => new[] { operation.Body is { Kind: BodyKind.Json } body ? body.Type : null, operation.Success is { Kind: BodyKind.Json } success ? success.Type : null }
                .Concat(operation.Errors.Select(error => error.Type)).Concat(operation.ErrorFallbacks))
            .Select(type => (Name: type is null ? null : ContextName(type), Type: type))
            .Where(entry => entry.Name is not null)
            .GroupBy(entry => TypeNames.CSharp(entry.Type!), StringComparer.Ordinal)
            .Select(group => (Name: group.First().Name!, Type: group.Key))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .ThenBy(entry => entry.Type, StringComparer.Ordinal);
        foreach (var (name, type) in types)
        {
            yield return (Naming.MakeUnique(name, taken), type);
        }
    }

    private static string? ContextName(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Union or TypeKind.Enum => type.Name.TrimStart('@'),
        TypeKind.Array when !type.ElementIsNullable && type.Element is { Kind: TypeKind.Model or TypeKind.Union or TypeKind.Enum } element => "List" + element.Name.TrimStart('@'),
        TypeKind.Map when !type.ElementIsNullable && type.Element is { Kind: TypeKind.Model or TypeKind.Union or TypeKind.Enum } element => "DictionaryString" + element.Name.TrimStart('@'),
        _ => null,
    };

    /// <summary>
    /// Registers, when the assembly loads, the spec's unstable operations (so Configuration can reject misspelt
    /// names from the start) and its API classes with their interfaces (so AddDatadogClient can put them in a
    /// container without reflection).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="apis">The API classes.</param>
    /// <param name="operationNames">The unstable operations.</param>
    public static void EmitRegistrations(SourceWriter writer, EquatableArray<ApiGroupSpec> apis, EquatableArray<string> operationNames)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal static class DatadogRegistrations"))
        {
            writer.Line("// Runs when the assembly loads: Configuration rejects misspelt unstable operation names from the start, and");
            writer.Line("// AddDatadogClient finds the API classes without reflection.");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            using (writer.Block("internal static void Register()"))
            {
                var names = string.Join(", ", operationNames.Select(CSharpLiterals.Quote));
                writer.Line("global::DatadogGen.Configuration.RegisterUnstableOperations(" + names + ");");
                foreach (var api in apis)
                {
                    writer.Line("global::DatadogGen.GeneratedCode.ApiRegistry.Register<" + api.InterfaceName + ", " + api.ClassName + ">(static client => new " + api.ClassName + "(client));");
                }
            }
        }
    }
}
