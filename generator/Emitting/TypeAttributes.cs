using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>The attributes every generated type carries: provenance, deprecation and its JSON converter.</summary>
internal static class TypeAttributes
{
    public static void Write(SourceWriter writer, TypeSpec type, string ns)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }

        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + ConverterName(type, ns) + "))]");
    }

    public static string ConverterName(TypeSpec type, string ns) =>
        GeneratedFile.SerializationNamespace(ns) + "." + type.Name.TrimStart('@') + "JsonConverter";
}
