using System.Linq;
using System.Text;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>The XML docs of an operation's methods: summary, description, the x-unstable note, parameters.</summary>
internal static class OperationDocs
{
    public const string ExperimentalDiagnosticId = "DDG100";

    public static void Write(SourceWriter writer, OperationSpec operation, string returns, bool unstableAsExperimental)
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

        WriteParameters(writer, operation);
        writer.Line("/// <returns>" + returns + "</returns>");
        if (operation.UnstableNote is not null)
        {
            writer.Line("/// <exception cref=\"global::DatadogGen.UnstableOperationDisabledException\">The operation has not been enabled.</exception>");
        }

        writer.Line("/// <exception cref=\"global::DatadogGen.ApiException\">The call failed or the response could not be read.</exception>");
        WriteAttributes(writer, operation, unstableAsExperimental);
    }

    /// <summary>
    /// [Obsolete] for deprecated operations; with DatadogGenUnstableAsExperimental, [Experimental] for unstable
    /// ones, so calling one is a compile-time error (DDG100) until the caller opts in.
    /// </summary>
    public static void WriteAttributes(SourceWriter writer, OperationSpec operation, bool unstableAsExperimental)
    {
        if (operation.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }

        if (unstableAsExperimental && operation.UnstableNote is not null)
        {
            writer.Line("[global::System.Diagnostics.CodeAnalysis.Experimental(\"" + ExperimentalDiagnosticId + "\")]");
        }
    }

    public static void WriteParameters(SourceWriter writer, OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.IsRequired))
        {
            XmlDocs.Param(writer, parameter.Name, parameter.Description);
        }

        if (operation.Body is { Kind: BodyKind.Multipart } form)
        {
            foreach (var field in form.Fields.OrderBy(field => field.IsRequired ? 0 : 1))
            {
                XmlDocs.Param(writer, field.Name, field.Description);
            }
        }
        else if (operation.Body is { } body)
        {
            XmlDocs.Param(writer, body.Name, body.Description ?? "The request body.");
        }

        foreach (var parameter in operation.Parameters.Where(parameter => !parameter.IsRequired))
        {
            XmlDocs.Param(writer, parameter.Name, parameter.Description);
        }

        XmlDocs.Param(writer, "cancellationToken", "Cancels the request.");
    }
}
