using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits the System.Text.Json converter of a generated type: a thin adapter over the type's own ReadJson and
/// WriteJson, so JsonSerializer and DatadogJson.Options use the same code the client does.
/// </summary>
internal static class ConverterEmitter
{
    public static void Emit(SourceWriter writer, TypeSpec type, string ns)
    {
        var typeName = "global::" + ns + "." + type.Name;
        var converterName = type.Name.TrimStart('@') + "JsonConverter";
        writer.Line("/// <summary>Reads and writes <see cref=\"" + typeName + "\"/> without reflection.</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal sealed class " + converterName + " : global::DatadogGen.JsonModelConverter<" + typeName + ">"))
        {
            writer.Line("public " + converterName + "()");
            writer.Line("    : base(" + typeName + ".ReadJson, " + typeName + ".WriteJson)");
            writer.Line("{");
            writer.Line("}");
        }
    }
}
