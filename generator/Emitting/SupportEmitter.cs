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
            writer.Line("/// <summary>Use with JsonSerializer: <c>JsonSerializer.Serialize(model, DatadogJson.Options)</c>.</summary>");
            writer.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = global::DatadogGen.JsonModelTypeInfoResolver.CreateOptions(CreateConverters());");
            writer.Line();
            using (writer.Block("private static global::System.Collections.Generic.IEnumerable<global::System.Text.Json.Serialization.JsonConverter> CreateConverters()"))
            {
                if (typeNames.Count == 0)
                {
                    writer.Line("yield break;");
                }

                foreach (var name in typeNames)
                {
                    writer.Line("yield return new " + TypeAttributes.Converter("global::" + ns + "." + name) + "();");
                }
            }
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
