using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>The attributes every generated type carries: provenance, deprecation and its JSON converter.</summary>
internal static class TypeAttributes
{
    public static void Write(SourceWriter writer, TypeSpec type)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }

        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + Converter(type.Name) + "))]");
    }

    /// <summary>The runtime's one converter class, closed over a generated type.</summary>
    public static string Converter(string typeName) => "global::DatadogGen.GeneratedCode.JsonModelConverter<" + typeName + ">";
}
