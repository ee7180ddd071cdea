using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits what a spec needs once: DatadogJson.Options, whose resolver knows every generated type, and the
/// registration of its unstable operations with the runtime's Configuration.
/// </summary>
internal static class SupportEmitter
{
    public static void EmitJsonOptions(SourceWriter writer, string ns, string accessibility, EquatableArray<string> typeNames)
    {
        writer.Line("/// <summary>JSON options that read and write every generated type without reflection (NativeAOT-safe).</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block(accessibility + " static partial class DatadogJson"))
        {
            // An array, not an iterator: an iterator over Datadog's ~5,000 types is one state machine with as many
            // states, which cost the compiler about 4 s in every build (docs/BENCHMARKS.md).
            writer.Line("/// <summary>Use with JsonSerializer: <c>JsonSerializer.Serialize(model, DatadogJson.Options)</c>.</summary>");
            writer.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = global::DatadogGen.JsonModelTypeInfoResolver.CreateOptions(new global::System.Text.Json.Serialization.JsonConverter[]");
            writer.Line("{");
            foreach (var name in typeNames)
            {
                writer.Line("    new " + TypeAttributes.Converter("global::" + ns + "." + name) + "(),");
            }

            writer.Line("});");
        }
    }

    public static void EmitUnstableOperations(SourceWriter writer, EquatableArray<string> operationNames)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal static class DatadogUnstableOperations"))
        {
            writer.Line("// Runs when the assembly loads, so Configuration can reject misspelt operation names from the start.");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            using (writer.Block("internal static void Register()"))
            {
                var names = string.Join(", ", operationNames.Select(CSharpLiterals.Quote));
                writer.Line("global::DatadogGen.Configuration.RegisterUnstableOperations(" + names + ");");
            }
        }
    }
}
