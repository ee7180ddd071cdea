using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DatadogGen.Generator.Diagnostics;
using DatadogGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace DatadogGen.Generator.Parsing;

/// <summary>Builds an extensible enum from a schema's values and its x-enum-varnames / x-enum-descriptions.</summary>
internal static class EnumSpecBuilder
{
    public static EnumSpec Build(string name, OpenApiSchema schema, DiagnosticSink diagnostics)
    {
        var isInteger = schema.Type == "integer";
        var varNames = StringsOf(schema, "x-enum-varnames");
        var descriptions = StringsOf(schema, "x-enum-descriptions");
        var names = new MemberNameScope(EnumMemberNames.Reserved.Append(name), diagnostics);
        var members = new List<EnumMemberSpec>();
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < schema.Enum.Count; index++)
        {
            var value = ValueOf(schema.Enum[index]);
            if (value is null || (isInteger && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, name, name, "an enum value is not a " + (isInteger ? "whole number" : "string"), "no member for it");
                continue;
            }

            if (!seenValues.Add(value))
            {
                continue;
            }

            var baseName = index < varNames.Count ? varNames[index] : value;
            var memberName = names.Claim("Enum value", name + "." + value, value, MemberName(baseName, value));
            members.Add(new EnumMemberSpec(memberName, value, index < descriptions.Count ? descriptions[index] : null));
        }

        if (members.Count == 0)
        {
            diagnostics.ReportAt(DiagnosticDescriptors.UnmappedConstruct, name, name, "the enum lists no values", "an enum without known members");
        }

        return new EnumSpec(name, schema.Description, schema.Deprecated, isInteger, members.ToEquatableArray());
    }

    /// <summary>
    /// Datadog spells descending sort orders "-name", sometimes with the varname "_NAME", which PascalCase alone
    /// would merge with "name": such a value becomes <c>NameDescending</c>. A varname that already tells them
    /// apart (NAME_DESCENDING, MINUS_NAME) is kept.
    /// </summary>
    private static string MemberName(string baseName, string value)
    {
        var pascal = Naming.ToPascalCase(baseName);
        var isDescending = value.Length > 1 && value[0] == '-';
        return isDescending && pascal == Naming.ToPascalCase(value.Substring(1)) ? pascal + "Descending" : pascal;
    }

    private static string? ValueOf(IOpenApiAny value) => value switch
    {
        OpenApiString text => text.Value,
        OpenApiInteger number => number.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiLong number => number.Value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static List<string> StringsOf(OpenApiSchema schema, string extension)
    {
        var values = new List<string>();
        if (schema.Extensions.TryGetValue(extension, out var raw) && raw is OpenApiArray array)
        {
            foreach (var item in array)
            {
                values.Add(item is OpenApiString text ? text.Value : string.Empty);
            }
        }

        return values;
    }
}
