using System.Collections.Generic;
using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// An operation's C# parameters, in one order everywhere: required parameters, the body (or its form fields),
/// optional parameters defaulting to null, then the cancellation token.
/// </summary>
internal static class OperationSignature
{
    private const string CancellationToken = "global::System.Threading.CancellationToken cancellationToken = default";

    public static string Declarations(OperationSpec operation, string cancellationAttribute = "") =>
        string.Join(", ", Members(operation).Select(member => member.Declaration)
            .Concat(new[] { cancellationAttribute + CancellationToken }));

    public static string Arguments(OperationSpec operation) =>
        string.Join(", ", Members(operation).Select(member => member.Name).Concat(new[] { "cancellationToken" }));

    /// <summary>The parameters of the method that builds the operation's request: all but the cancellation token.</summary>
    public static string RequestDeclarations(OperationSpec operation) =>
        string.Join(", ", Members(operation).Select(member => member.Declaration));

    public static string RequestArguments(OperationSpec operation) =>
        string.Join(", ", Members(operation).Select(member => member.Name));

    /// <summary>The C# type of the success result, or null for an operation that returns no body.</summary>
    public static string? ResultType(OperationSpec operation) => operation.Success switch
    {
        null => null,
        { Kind: BodyKind.Json } json => TypeNames.CSharp(json.Type),
        { Kind: BodyKind.Text } => "string",
        _ => "byte[]",
    };

    public static string BodyType(RequestBodySpec body, bool nullable) => body.Kind switch
    {
        BodyKind.Json => TypeNames.CSharp(body.Type, nullable),
        BodyKind.Text => nullable ? "string?" : "string",
        _ => nullable ? "global::System.IO.Stream?" : "global::System.IO.Stream",
    };

    public static string FieldType(MultipartFieldSpec field, bool nullable) =>
        field.IsBinary
            ? (nullable ? "global::System.IO.Stream?" : "global::System.IO.Stream")
            : TypeNames.CSharp(field.Type, nullable);

    private static IEnumerable<(string Name, string Declaration)> Members(OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.IsRequired))
        {
            yield return (parameter.Name, TypeNames.CSharp(parameter.Type) + " " + parameter.Name);
        }

        if (operation.Body is { Kind: BodyKind.Multipart } form)
        {
            foreach (var field in form.Fields.OrderBy(field => field.IsRequired ? 0 : 1))
            {
                yield return field.IsRequired
                    ? (field.Name, FieldType(field, nullable: false) + " " + field.Name)
                    : (field.Name, FieldType(field, nullable: true) + " " + field.Name + " = null");
            }
        }
        else if (operation.Body is { } body)
        {
            yield return body.IsRequired
                ? (body.Name, BodyType(body, nullable: false) + " " + body.Name)
                : (body.Name, BodyType(body, nullable: true) + " " + body.Name + " = null");
        }

        foreach (var parameter in operation.Parameters.Where(parameter => !parameter.IsRequired))
        {
            yield return (parameter.Name, TypeNames.CSharp(parameter.Type, nullable: true) + " " + parameter.Name + " = null");
        }
    }
}
