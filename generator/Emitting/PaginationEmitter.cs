using System.Globalization;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// Emits <c>XWithPaginationAsync</c>: an IAsyncEnumerable that calls <c>XAsync</c> page after page (cursor,
/// offset or page number, as x-pagination says) and yields the items, stopping at a short or empty page or
/// when the server sends no next cursor.
/// </summary>
internal static class PaginationEmitter
{
    public static string ResultType(PaginationSpec pagination) =>
        "global::System.Collections.Generic.IAsyncEnumerable<" + TypeNames.CSharp(pagination.ItemType) + ">";

    public static void WriteDocs(SourceWriter writer, OperationSpec operation, PaginationSpec pagination, bool unstableAsExperimental)
    {
        writer.Line("/// <summary>Every item of " + XmlDocs.Escape(operation.MethodName) + "Async, page by page.</summary>");
        writer.Line("/// <remarks>Requests pages of " + pagination.DefaultLimit.ToString(CultureInfo.InvariantCulture)
            + " items unless a page size is given, until a page comes back short or empty" + (pagination.Mode == PaginationMode.Cursor ? " or without a next cursor" : string.Empty) + ".</remarks>");
        OperationDocs.WriteParameters(writer, operation);
        writer.Line("/// <returns>The items of every page, in order.</returns>");
        OperationDocs.WriteAttributes(writer, operation, unstableAsExperimental);
    }

    public static void Emit(SourceWriter writer, OperationSpec operation, PaginationSpec pagination, bool unstableAsExperimental)
    {
        writer.Line("/// <inheritdoc/>");
        OperationDocs.WriteAttributes(writer, operation, unstableAsExperimental);

        var signature = OperationSignature.Declarations(operation, "[global::System.Runtime.CompilerServices.EnumeratorCancellation] ");
        using (writer.Block("public async " + ResultType(pagination) + " " + operation.MethodName + "WithPaginationAsync(" + signature + ")"))
        {
            var (page, limit) = WritePagingTargets(writer, operation, pagination);
            using (writer.Block("while (true)"))
            {
                writer.Line("var response = await " + operation.MethodName + "Async(" + OperationSignature.Arguments(operation) + ").ConfigureAwait(false);");
                writer.Line("var items = response." + pagination.ResultsPath + ";");
                writer.Line("if (items is null) yield break;");
                writer.Line("foreach (var item in items) yield return item;");
                writer.Line("if (items.Count == 0 || items.Count < " + limit + ") yield break;");
                switch (pagination.Mode)
                {
                    case PaginationMode.Cursor:
                        writer.Line("var next = response." + pagination.CursorPath + ";");
                        writer.Line("if (string.IsNullOrEmpty(next)) yield break;");
                        writer.Line(page + " = next;");
                        break;
                    case PaginationMode.Offset:
                        writer.Line(page + " = (" + page + " ?? 0) + items.Count;");
                        break;
                    default:
                        writer.Line(page + " = (" + page + " ?? " + pagination.PageStart.ToString(CultureInfo.InvariantCulture) + ") + 1;");
                        break;
                }
            }
        }
    }

    /// <summary>Makes sure the page size is sent and returns the expressions that hold the page and the size.</summary>
    private static (string Page, string Limit) WritePagingTargets(SourceWriter writer, OperationSpec operation, PaginationSpec pagination)
    {
        var defaultLimit = pagination.DefaultLimit.ToString(CultureInfo.InvariantCulture);
        if (pagination.PageParameter is { } pageParameter)
        {
            if (pagination.LimitParameter is { } limitParameter)
            {
                writer.Line(limitParameter + " ??= " + defaultLimit + ";");
                return (pageParameter, limitParameter);
            }

            return (pageParameter, defaultLimit);
        }

        // The paging properties live in the request body: create the objects on the way when absent.
        // Paging through a copy leaves the caller's body as it was, so the enumerable can be enumerated again.
        var body = operation.Body!;
        var holder = body.Name;
        var bodyType = TypeNames.CSharp(body.Type);
        var copy = "global::DatadogGen.GeneratedCode.JsonModel.Deserialize(global::DatadogGen.GeneratedCode.JsonModel.Serialize(" + body.Name + ", " + "global::DatadogGen.GeneratedCode.JsonValue<" + bodyType + ">.Write), global::DatadogGen.GeneratedCode.JsonValue<" + bodyType + ">.Read)";
        writer.Line(body.IsRequired
            ? body.Name + " = " + copy + ";"
            : body.Name + " = " + body.Name + " is null ? new " + bodyType + "() : " + copy + ";");

        for (var index = 0; index < pagination.BodyPath.Count; index++)
        {
            var step = pagination.BodyPath[index];
            var local = "paging" + index.ToString(CultureInfo.InvariantCulture);
            writer.Line("var " + local + " = " + holder + "." + step.Property + " ??= new " + step.TypeName + "();");
            holder = local;
        }

        if (pagination.BodyLimitProperty is { } limitProperty)
        {
            writer.Line(holder + "." + limitProperty + " ??= " + defaultLimit + ";");
            return (holder + "." + pagination.BodyPageProperty, holder + "." + limitProperty);
        }

        return (holder + "." + pagination.BodyPageProperty, defaultLimit);
    }
}
