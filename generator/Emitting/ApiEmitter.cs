using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits one API class per tag: for each operation an <c>XAsync</c> method returning the model and an
/// <c>XWithHttpInfoAsync</c> method returning status and headers too.
/// </summary>
internal static class ApiEmitter
{
    private const string Runtime = "global::DatadogGen.";

    public static void Emit(SourceWriter writer, ApiGroupSpec api)
    {
        XmlDocs.Summary(writer, api.Description, "Operations tagged " + api.ClassName + ".");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("public sealed partial class " + api.ClassName))
        {
            writer.Line("private readonly " + Runtime + "ApiClient _apiClient;");
            writer.Line();
            writer.Line("/// <summary>Creates the API over a client that holds configuration and connections.</summary>");
            writer.Line("/// <param name=\"apiClient\">The client to send requests with.</param>");
            writer.Line("public " + api.ClassName + "(" + Runtime + "ApiClient apiClient)");
            writer.Line("{");
            writer.Line("    _apiClient = apiClient ?? throw new global::System.ArgumentNullException(nameof(apiClient));");
            writer.Line("}");
            foreach (var operation in api.Operations)
            {
                writer.Line();
                WriteOperation(writer, operation);
            }
        }
    }

    private static void WriteOperation(SourceWriter writer, OperationSpec operation)
    {
        var resultType = operation.SuccessType is null ? null : TypeNames.CSharp(operation.SuccessType);
        var parameters = ParameterList(operation);
        var arguments = string.Join(", ", Arguments(operation).Concat(new[] { "cancellationToken" }));

        WriteDocs(writer, operation, "The response body.");
        var task = resultType is null ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + resultType + ">";
        using (writer.Block("public async " + task + " " + operation.MethodName + "Async(" + parameters + ")"))
        {
            writer.Line(resultType is null
                ? "await " + operation.MethodName + "WithHttpInfoAsync(" + arguments + ").ConfigureAwait(false);"
                : "return (await " + operation.MethodName + "WithHttpInfoAsync(" + arguments + ").ConfigureAwait(false)).Data;");
        }

        writer.Line();
        WriteDocs(writer, operation, "The response: status, headers and body.");
        var responseType = Runtime + "ApiResponse<" + (resultType ?? "object?") + ">";
        using (writer.Block("public async global::System.Threading.Tasks.Task<" + responseType + "> " + operation.MethodName + "WithHttpInfoAsync(" + parameters + ")"))
        {
            if (operation.UnstableNote is not null)
            {
                writer.Line("_apiClient.Configuration.ThrowIfUnstableOperationDisabled(" + CSharpLiterals.Quote(operation.OperationName) + ");");
            }

            WriteArgumentChecks(writer, operation);
            writer.Line("var request = new " + Runtime + "ApiRequest(" + CSharpLiterals.Quote(operation.OperationName) + ", new global::System.Net.Http.HttpMethod(" + CSharpLiterals.Quote(operation.HttpMethod) + "), " + PathExpression(operation) + ");");
            WriteQueryAndHeaders(writer, operation);
            if (operation.Body is { } body)
            {
                var write = "static (global::System.Text.Json.Utf8JsonWriter w, " + TypeNames.CSharp(body.Type) + " v) => " + JsonExpressions.Write(body.Type, "w", "v").TrimEnd(';');
                var set = "request.SetJsonBody(" + body.Name + ", " + write + ");";
                writer.Line(body.IsRequired || body.Type.IsValueType ? set : "if (" + body.Name + " is not null) " + set);
            }

            writer.Line("return await _apiClient.SendAsync(request, " + ResponseReader(operation) + ", " + ErrorReader(operation) + ", cancellationToken).ConfigureAwait(false);");
        }
    }

    private static void WriteDocs(SourceWriter writer, OperationSpec operation, string returns)
    {
        XmlDocs.Summary(writer, operation.Summary, operation.OperationId);
        var remarks = new StringBuilder(operation.Description ?? string.Empty);
        if (operation.UnstableNote is not null)
        {
            remarks.Append("\n\n").Append(operation.UnstableNote).Append("\n\nThis operation is unstable: enable it with ")
                .Append("Configuration.SetUnstableOperationEnabled(\"").Append(operation.OperationName).Append("\", true).");
        }

        if (remarks.Length > 0)
        {
            XmlDocs.Element(writer, "remarks", remarks.ToString().Trim());
        }

        foreach (var parameter in operation.Parameters)
        {
            XmlDocs.Param(writer, parameter.Name, parameter.Description);
        }

        if (operation.Body is { } body)
        {
            XmlDocs.Param(writer, body.Name, body.Description ?? "The request body.");
        }

        XmlDocs.Param(writer, "cancellationToken", "Cancels the request.");
        writer.Line("/// <returns>" + returns + "</returns>");
        if (operation.UnstableNote is not null)
        {
            writer.Line("/// <exception cref=\"global::DatadogGen.UnstableOperationDisabledException\">The operation has not been enabled.</exception>");
        }

        writer.Line("/// <exception cref=\"global::DatadogGen.ApiException\">The call failed or the response could not be read.</exception>");
        if (operation.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }
    }

    /// <summary>Required parameters first, then optional ones defaulting to null, then the cancellation token.</summary>
    private static string ParameterList(OperationSpec operation)
    {
        var declarations = new List<string>();
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.IsRequired))
        {
            declarations.Add(TypeNames.CSharp(parameter.Type) + " " + parameter.Name);
        }

        if (operation.Body is { IsRequired: true } requiredBody)
        {
            declarations.Add(TypeNames.CSharp(requiredBody.Type) + " " + requiredBody.Name);
        }

        if (operation.Body is { IsRequired: false } optionalBody)
        {
            declarations.Add(TypeNames.CSharp(optionalBody.Type, nullable: true) + " " + optionalBody.Name + " = null");
        }

        foreach (var parameter in operation.Parameters.Where(parameter => !parameter.IsRequired))
        {
            declarations.Add(TypeNames.CSharp(parameter.Type, nullable: true) + " " + parameter.Name + " = null");
        }

        declarations.Add("global::System.Threading.CancellationToken cancellationToken = default");
        return string.Join(", ", declarations);
    }

    private static IEnumerable<string> Arguments(OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.IsRequired))
        {
            yield return parameter.Name;
        }

        if (operation.Body is { } body)
        {
            yield return body.Name;
        }

        foreach (var parameter in operation.Parameters.Where(parameter => !parameter.IsRequired))
        {
            yield return parameter.Name;
        }
    }

    private static void WriteArgumentChecks(SourceWriter writer, OperationSpec operation)
    {
        var required = operation.Parameters.Where(parameter => parameter.IsRequired && !parameter.Type.IsValueType).Select(parameter => parameter.Name).ToList();
        if (operation.Body is { IsRequired: true } body && !body.Type.IsValueType)
        {
            required.Add(body.Name);
        }

        foreach (var name in required)
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + name + ");");
        }
    }

    /// <summary>The path as a concatenation: literal parts as written, each parameter escaped into its own segment.</summary>
    private static string PathExpression(OperationSpec operation)
    {
        var parts = new List<string>();
        var template = operation.PathTemplate;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(CSharpLiterals.Quote(template.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(CSharpLiterals.Quote(template.Substring(position, open - position)));
            }

            var wireName = template.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.FirstOrDefault(candidate => candidate.Location == ParameterLocation.Path && candidate.WireName == wireName);
            parts.Add(parameter is null
                ? CSharpLiterals.Quote(template.Substring(open, close - open + 1))
                : Runtime + "ApiRequest.EscapePathSegment(" + FormatValue(parameter.Type, parameter.Name) + ")");
            position = close + 1;
        }

        return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
    }

    private static void WriteQueryAndHeaders(SourceWriter writer, OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location != ParameterLocation.Path))
        {
            var add = parameter.Location == ParameterLocation.Query ? "request.AddQueryParameter(" : "request.AddHeader(";
            var wireName = CSharpLiterals.Quote(parameter.WireName);
            string statement;
            if (parameter.Type.Kind == TypeKind.Array)
            {
                statement = "foreach (var item in " + parameter.Name + ") " + add + wireName + ", " + FormatValue(parameter.Type.Element!, "item") + ");";
            }
            else
            {
                var value = parameter.IsRequired || !parameter.Type.IsValueType ? parameter.Name : parameter.Name + ".Value";
                statement = add + wireName + ", " + FormatValue(parameter.Type, value) + ");";
            }

            writer.Line(parameter.IsRequired ? statement : "if (" + parameter.Name + " is not null) " + statement);
        }
    }

    /// <summary>A parameter value as the string the wire carries (invariant culture, ISO 8601 dates).</summary>
    private static string FormatValue(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Model or TypeKind.Enum or TypeKind.Union or TypeKind.Any or TypeKind.Array or TypeKind.Map => value + ".ToString()!",
        _ => Runtime + "ParameterFormat.Format(" + value + ")",
    };

    private static string ResponseReader(OperationSpec operation) =>
        operation.SuccessType is null
            ? "static (statusCode, body) => (object?)null"
            : "static (statusCode, body) => " + Runtime + "JsonModel.Deserialize(body, " + JsonExpressions.Reader(operation.SuccessType) + ")";

    private static string ErrorReader(OperationSpec operation)
    {
        if (operation.Errors.Count == 0)
        {
            return "null";
        }

        var arms = operation.Errors
            .OrderBy(error => error.Status.Contains("X") || error.Status == "default" ? 1 : 0)
            .Select(error => StatusPattern(error.Status) + " => " + Runtime + "JsonModel.Deserialize(body, " + JsonExpressions.Reader(error.Type) + ")")
            .ToList();
        if (!operation.Errors.Any(error => error.Status == "default"))
        {
            arms.Add("_ => null");
        }

        return "static (statusCode, body) => statusCode switch { " + string.Join(", ", arms) + " }";
    }

    private static string StatusPattern(string status)
    {
        if (status == "default")
        {
            return "_";
        }

        if (status.Length == 3 && status.EndsWith("XX", System.StringComparison.OrdinalIgnoreCase))
        {
            var hundreds = (status[0] - '0') * 100;
            return ">= " + hundreds.ToString(CultureInfo.InvariantCulture) + " and < " + (hundreds + 100).ToString(CultureInfo.InvariantCulture);
        }

        return status;
    }
}
