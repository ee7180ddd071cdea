using System.Globalization;
using System.Linq;
using System.Text;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits one API class per tag and the interface it implements (<c>I{Tag}Api</c>, so tests can stand in a fake or
/// a mock for it): for each operation an <c>XAsync</c> method returning the body, an <c>XWithHttpInfoAsync</c>
/// method returning status and headers too, and for x-pagination operations an <c>XWithPaginationAsync</c> stream
/// of items. The documentation lives on the interface; the class inherits it.
/// </summary>
internal static class ApiEmitter
{
    private const string Runtime = "global::DatadogGen.";

    public static void Emit(SourceWriter writer, ApiGroupSpec api, string accessibility, bool unstableAsExperimental)
    {
        EmitInterface(writer, api, accessibility, unstableAsExperimental);
        writer.Line();
        XmlDocs.Summary(writer, api.Description, "Operations tagged " + api.ClassName + ".");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block(accessibility + " sealed partial class " + api.ClassName + " : " + api.InterfaceName))
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

    // Declarations only: a mock or a hand-written fake implements these, the generated class implements them by
    // sending requests. Optional parameters keep their defaults here, so code written against the interface
    // calls exactly as it would call the class.
    private static void EmitInterface(SourceWriter writer, ApiGroupSpec api, string accessibility, bool unstableAsExperimental)
    {
        XmlDocs.Summary(writer, api.Description, "Operations tagged " + api.ClassName + ".");
        writer.Line("/// <remarks>Implemented by <see cref=\"" + api.ClassName + "\"/>; code that takes this interface can be tested with a fake or a mock.</remarks>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block(accessibility + " partial interface " + api.InterfaceName))
        {
            var first = true;
            foreach (var operation in api.Operations)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                var parameters = OperationSignature.Declarations(operation);
                OperationDocs.Write(writer, operation, "The response body.", unstableAsExperimental);
                writer.Line(BodyTaskType(operation) + " " + operation.MethodName + "Async(" + parameters + ");");
                writer.Line();
                writer.Line("/// <inheritdoc cref=\"" + operation.MethodName + "Async\"/>");
                writer.Line("/// <returns>The response: status, headers and body.</returns>");
                OperationDocs.WriteAttributes(writer, operation, unstableAsExperimental);
                writer.Line(ResponseTaskType(operation) + " " + operation.MethodName + "WithHttpInfoAsync(" + parameters + ");");
                if (operation.Pagination is { } pagination)
                {
                    writer.Line();
                    PaginationEmitter.WriteDocs(writer, operation, pagination, unstableAsExperimental);
                    writer.Line(PaginationEmitter.ResultType(pagination) + " " + operation.MethodName + "WithPaginationAsync(" + parameters + ");");
                }
            }
        }
    }

    private static string BodyTaskType(OperationSpec operation) =>
        OperationSignature.ResultType(operation) is { } resultType
            ? "global::System.Threading.Tasks.Task<" + resultType + ">"
            : "global::System.Threading.Tasks.Task";

    private static string ResponseTaskType(OperationSpec operation) =>
        "global::System.Threading.Tasks.Task<" + Runtime + "ApiResponse<" + (OperationSignature.ResultType(operation) ?? "object?") + ">>";

    // Neither method is async, and both hand the request that one builder method makes to the runtime, which
    // returns the body or the whole response from one async method of its own: a state machine per generated
    // method would be 2,000 of them for all of Datadog's v2, compiled in every build of the user's project.
    private static void WriteOperation(SourceWriter writer, OperationSpec operation, bool unstableAsExperimental)
    {
        var parameters = OperationSignature.Declarations(operation);
        var builder = "Build" + operation.MethodName + "Request";
        var request = builder + "(" + OperationSignature.RequestArguments(operation) + ")";
        var errorReader = SharedErrorReader(operation) ?? "Read" + operation.MethodName + "Error";

        writer.Line("/// <inheritdoc/>");
        OperationDocs.WriteAttributes(writer, operation, unstableAsExperimental);
        writer.Line("public " + BodyTaskType(operation) + " " + operation.MethodName + "Async(" + parameters + ") => _apiClient."
            + Send(operation, request, errorReader, dataOnly: true) + ";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        OperationDocs.WriteAttributes(writer, operation, unstableAsExperimental);
        writer.Line("public " + ResponseTaskType(operation) + " " + operation.MethodName + "WithHttpInfoAsync(" + parameters + ") => _apiClient."
            + Send(operation, request, errorReader, dataOnly: false) + ";");
        writer.Line();
        using (writer.Block("private " + Runtime + "GeneratedCode.ApiRequest " + builder + "(" + OperationSignature.RequestDeclarations(operation) + ")"))
        {
            if (operation.UnstableNote is not null)
            {
                writer.Line("_apiClient.Configuration.ThrowIfUnstableOperationDisabled(" + CSharpLiterals.Quote(operation.OperationName) + ");");
            }

            RequestEmitter.WriteRequest(writer, operation);
            writer.Line("return request;");
        }

        if (SharedErrorReader(operation) is null)
        {
            writer.Line();
            WriteErrorReader(writer, operation);
        }
    }

    // XAsync asks the runtime for the body alone (the ...ForData methods), XWithHttpInfoAsync for the whole response.
    private static string Send(OperationSpec operation, string request, string errorReader, bool dataOnly)
    {
        var forData = dataOnly ? "ForData" : string.Empty;
        var rest = errorReader + ", cancellationToken)";
        return operation.Success switch
        {
            null => "SendWithoutBodyAsync(" + request + ", " + rest,
            { Kind: BodyKind.Json, Type.Kind: TypeKind.Model or TypeKind.Union or TypeKind.Enum } json =>
                "SendJson" + forData + "Async<" + TypeNames.CSharp(json.Type) + ">(" + request + ", " + rest,
            { Kind: BodyKind.Json } json => "Send" + forData + "Async(" + request + ", " + ReadWith(Runtime + "GeneratedCode.JsonModel.Deserialize(body, " + JsonExpressions.Reader(json.Type) + ")") + rest,
            { Kind: BodyKind.Text } => "Send" + forData + "Async(" + request + ", " + ReadWith("global::System.Text.Encoding.UTF8.GetString(body)") + rest,
            _ => "Send" + forData + "Async(" + request + ", " + ReadWith("body.ToArray()") + rest,
        };
    }

    private static string ReadWith(string expression) => "static (statusCode, body) => " + expression + ", ";

    /// <summary>
    /// The runtime's error reader (<c>ErrorBodies.Read&lt;A, B&gt;</c>) when every status reads the same models
    /// (nearly every Datadog operation), else null and the operation gets a reader of its own.
    /// </summary>
    private static string? SharedErrorReader(OperationSpec operation)
    {
        var chains = ErrorArms(operation).Select(arm => arm.Models).Distinct(ModelListComparer.Instance).ToList();
        if (chains.Count != 1 || chains[0] is not { Count: >= 1 and <= 3 } models
            || models.Any(model => model.Kind is not (TypeKind.Model or TypeKind.Union or TypeKind.Enum)))
        {
            return null;
        }

        return Runtime + "GeneratedCode.ErrorBodies.Read<" + string.Join(", ", models.Select(model => TypeNames.CSharp(model))) + ">";
    }

    /// <summary>
    /// Reads an error body: the model declared for the status first, then Datadog's error shapes in order; a
    /// body that is no JSON object stays raw text on the ApiException. Statuses that read the same models share an arm.
    /// </summary>
    private static void WriteErrorReader(SourceWriter writer, OperationSpec operation)
    {
        writer.Line("private static object? Read" + operation.MethodName + "Error(int statusCode, global::System.ReadOnlySpan<byte> body) => statusCode switch");
        writer.Line("{");
        var arms = ErrorArms(operation);
        var fallback = TryChain(arms[arms.Count - 1].Models);
        var ranges = arms.Take(arms.Count - 1).Where(arm => IsRange(arm.Status)).ToList();
        // Exact statuses never overlap, so those reading the same models share an arm; one reading what the default
        // reads needs none, unless a range (4XX) after it would catch it first.
        foreach (var group in arms.Take(arms.Count - 1).Where(arm => !IsRange(arm.Status)).GroupBy(arm => TryChain(arm.Models)))
        {
            if (group.Key != fallback || ranges.Count > 0)
            {
                writer.Line("    " + string.Join(" or ", group.Select(arm => StatusPattern(arm.Status))) + " => " + group.Key + ",");
            }
        }

        foreach (var range in ranges)
        {
            writer.Line("    " + StatusPattern(range.Status) + " => " + TryChain(range.Models) + ",");
        }

        writer.Line("    _ => " + fallback + ",");
        writer.Line("};");
    }

    /// <summary>The models each status tries, in order; the last arm is the default.</summary>
    private static System.Collections.Generic.List<(string Status, System.Collections.Generic.List<TypeRef> Models)> ErrorArms(OperationSpec operation)
    {
        var arms = operation.Errors.Where(error => error.Status != "default")
            .OrderBy(error => IsRange(error.Status) ? 1 : 0)
            .Select(error => (error.Status, Candidates(error.Type, operation.ErrorFallbacks)))
            .ToList();
        var defaultError = operation.Errors.FirstOrDefault(error => error.Status == "default");
        arms.Add(("default", Candidates(defaultError?.Type, operation.ErrorFallbacks)));
        return arms;
    }

    private static System.Collections.Generic.List<TypeRef> Candidates(TypeRef? declared, EquatableArray<TypeRef> fallbacks) =>
        new[] { declared }.Where(type => type is not null).Select(type => type!)
            .Concat(fallbacks.Where(type => type != declared))
            .ToList();

    // A model that reads the body as the spec describes it wins; when none does, the first that reads it at all
    // (IsUnparsed, its odd parts kept raw) is still more use than none.
    private static string TryChain(System.Collections.Generic.List<TypeRef> models) =>
        models.Count == 0
            ? "null"
            : string.Join(" ?? ", models.Select(type => TryRead("TryRead", type))) + " ?? " + TryRead("TryReadUnparsed", models[0]);

    private static string TryRead(string method, TypeRef type) =>
        Runtime + "GeneratedCode.ErrorBodies." + method + "(body, " + JsonExpressions.Reader(type) + ")";

    private sealed class ModelListComparer : System.Collections.Generic.IEqualityComparer<System.Collections.Generic.List<TypeRef>>
    {
        public static readonly ModelListComparer Instance = new();

        public bool Equals(System.Collections.Generic.List<TypeRef>? x, System.Collections.Generic.List<TypeRef>? y) =>
            x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(System.Collections.Generic.List<TypeRef> obj) => obj.Count;
    }

    private static bool IsRange(string status) => status.Length == 3 && status.EndsWith("XX", System.StringComparison.OrdinalIgnoreCase);

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
