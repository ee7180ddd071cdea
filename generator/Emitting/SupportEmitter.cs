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

    /// <summary>
    /// Registers, when the assembly loads, the spec's unstable operations (so Configuration can reject misspelt
    /// names from the start) and its API classes with their interfaces (so AddDatadogClient can put them in a
    /// container without reflection).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="apis">"IInterface Class" per API class.</param>
    /// <param name="operationNames">The unstable operations.</param>
    public static void EmitRegistrations(SourceWriter writer, EquatableArray<string> apis, EquatableArray<string> operationNames)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal static class DatadogRegistrations"))
        {
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            using (writer.Block("internal static void Register()"))
            {
                var names = string.Join(", ", operationNames.Select(CSharpLiterals.Quote));
                writer.Line("global::DatadogGen.Configuration.RegisterUnstableOperations(" + names + ");");
                foreach (var api in apis)
                {
                    var parts = api.Split(' ');
                    writer.Line("global::DatadogGen.ApiRegistry.Register<" + parts[0] + ", " + parts[1] + ">(static client => new " + parts[1] + "(client));");
                }
            }
        }
    }
}
