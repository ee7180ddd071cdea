using System.Globalization;
using System.Linq;
using System.Text;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits one API class per tag: for each operation an <c>XAsync</c> method returning the body, an
/// <c>XWithHttpInfoAsync</c> method returning status and headers too, and for x-pagination operations an
/// <c>XWithPaginationAsync</c> stream of items.
/// </summary>
internal static class ApiEmitter
{
    private const string Runtime = "global::DatadogGen.";

    public static void Emit(SourceWriter writer, ApiGroupSpec api, string accessibility, bool unstableAsExperimental)
    {
        XmlDocs.Summary(writer, api.Description, "Operations tagged " + api.ClassName + ".");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block(accessibility + " sealed partial class " + api.ClassName))
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
                WriteOperation(writer, operation, unstableAsExperimental);
                if (operation.Pagination is { } pagination)
                {
                    writer.Line();
                    PaginationEmitter.Emit(writer, operation, pagination, unstableAsExperimental);
                }
            }
        }
    }

    private static void WriteOperation(SourceWriter writer, OperationSpec operation, bool unstableAsExperimental)
    {
        var resultType = OperationSignature.ResultType(operation);
        var parameters = OperationSignature.Declarations(operation);
        var arguments = OperationSignature.Arguments(operation);

        OperationDocs.Write(writer, operation, "The response body.", unstableAsExperimental);
        var task = resultType is null ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + resultType + ">";
        using (writer.Block("public async " + task + " " + operation.MethodName + "Async(" + parameters + ")"))
        {
            writer.Line(resultType is null
                ? "await " + operation.MethodName + "WithHttpInfoAsync(" + arguments + ").ConfigureAwait(false);"
                : "return (await " + operation.MethodName + "WithHttpInfoAsync(" + arguments + ").ConfigureAwait(false)).Data;");
        }

        writer.Line();
        OperationDocs.Write(writer, operation, "The response: status, headers and body.", unstableAsExperimental);
        var responseType = Runtime + "ApiResponse<" + (resultType ?? "object?") + ">";
        using (writer.Block("public async global::System.Threading.Tasks.Task<" + responseType + "> " + operation.MethodName + "WithHttpInfoAsync(" + parameters + ")"))
        {
            if (operation.UnstableNote is not null)
            {
                writer.Line("_apiClient.Configuration.ThrowIfUnstableOperationDisabled(" + CSharpLiterals.Quote(operation.OperationName) + ");");
            }

            RequestEmitter.WriteRequest(writer, operation);
            writer.Line("return await _apiClient.SendAsync(request, " + ResponseReader(operation) + ", Read" + operation.MethodName + "Error, cancellationToken).ConfigureAwait(false);");
        }

        writer.Line();
        WriteErrorReader(writer, operation);
    }

    private static string ResponseReader(OperationSpec operation) => operation.Success switch
    {
        null => "static (statusCode, body) => (object?)null",
        { Kind: BodyKind.Json } json => "static (statusCode, body) => " + Runtime + "JsonModel.Deserialize(body, " + JsonExpressions.Reader(json.Type) + ")",
        { Kind: BodyKind.Text } => "static (statusCode, body) => global::System.Text.Encoding.UTF8.GetString(body)",
        _ => "static (statusCode, body) => body.ToArray()",
    };

    /// <summary>
    /// Reads an error body: the model declared for the status first, then Datadog's error shapes in order; a
    /// body that is no JSON object stays raw text on the ApiException.
    /// </summary>
    private static void WriteErrorReader(SourceWriter writer, OperationSpec operation)
    {
        writer.Line("private static object? Read" + operation.MethodName + "Error(int statusCode, global::System.ReadOnlySpan<byte> body) => statusCode switch");
        writer.Line("{");
        foreach (var error in operation.Errors.Where(error => error.Status != "default").OrderBy(error => error.Status.Contains("X") ? 1 : 0))
        {
            writer.Line("    " + StatusPattern(error.Status) + " => " + TryChain(error.Type, operation.ErrorFallbacks) + ",");
        }

        var defaultError = operation.Errors.FirstOrDefault(error => error.Status == "default");
        writer.Line("    _ => " + TryChain(defaultError?.Type, operation.ErrorFallbacks) + ",");
        writer.Line("};");
    }

    // A model that reads the body as the spec describes it wins; when none does, the first that reads it at all
    // (IsUnparsed, its odd parts kept raw) is still more use than none.
    private static string TryChain(TypeRef? declared, EquatableArray<TypeRef> fallbacks)
    {
        var models = new[] { declared }.Where(type => type is not null).Select(type => type!)
            .Concat(fallbacks.Where(type => type != declared))
            .ToList();
        return models.Count == 0
            ? "null"
            : string.Join(" ?? ", models.Select(type => TryRead("TryRead", type))) + " ?? " + TryRead("TryReadUnparsed", models[0]);
    }

    private static string TryRead(string method, TypeRef type) =>
        Runtime + "ErrorBodies." + method + "(body, " + JsonExpressions.Reader(type) + ")";

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
