using System.Collections.Generic;
using System.Linq;
using DatadogGen.Generator.Model;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// The statements that build an operation's ApiRequest: argument checks, the escaped path, host, credentials,
/// query and header parameters, and the body in its content type.
/// </summary>
internal static class RequestEmitter
{
    private const string Runtime = "global::DatadogGen.";

    // HttpMethod's static instances, so a call does not allocate one (OpenAPI's methods all have one).
    private static string Method(string method) => method.ToUpperInvariant() switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => "new global::System.Net.Http.HttpMethod(" + CSharpLiterals.Quote(method) + ")",
    };

    public static void WriteRequest(SourceWriter writer, OperationSpec operation)
    {
        WriteArgumentChecks(writer, operation);
        writer.Line("var request = new " + Runtime + "GeneratedCode.ApiRequest(" + CSharpLiterals.Quote(operation.OperationName)
            + ", " + Method(operation.HttpMethod) + ", " + PathArguments(operation) + ");");
        if (operation.Subdomain is { } subdomain)
        {
            writer.Line("request.Subdomain = " + CSharpLiterals.Quote(subdomain) + ";");
        }

        if (operation.ServerAddress is { } address)
        {
            writer.Line("request.ServerAddress = new global::System.Uri(" + CSharpLiterals.Quote(address) + ");");
        }

        if (operation.Auth != (AuthMethods.ApiKey | AuthMethods.ApplicationKey))
        {
            writer.Line("request.Credentials = " + Credentials(operation.Auth) + ";");
        }

        if (operation.Success is { } success && !IsAcceptedByDefault(success))
        {
            // Errors still come as JSON, which the default Accept asks for as well.
            writer.Line("request.AddHeader(\"Accept\", " + CSharpLiterals.Quote(success.MediaType) + ");");
        }

        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location != ParameterLocation.Path))
        {
            WriteParameter(writer, parameter);
        }

        if (operation.Body is { } body)
        {
            WriteBody(writer, body);
        }
    }

    private static void WriteArgumentChecks(SourceWriter writer, OperationSpec operation)
    {
        var required = operation.Parameters.Where(parameter => parameter.IsRequired && !parameter.Type.IsValueType).Select(parameter => parameter.Name).ToList();
        if (operation.Body is { Kind: BodyKind.Multipart } form)
        {
            required.AddRange(form.Fields.Where(field => field.IsRequired && (field.IsBinary || !field.Type.IsValueType)).Select(field => field.Name));
        }
        else if (operation.Body is { IsRequired: true } body && !body.Type.IsValueType)
        {
            required.Add(body.Name);
        }

        foreach (var name in required)
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + name + ");");
        }
    }

    /// <summary>The path alone when it has no parameters, else the template (for traces) and the path.</summary>
    private static string PathArguments(OperationSpec operation)
    {
        var path = PathExpression(operation);
        var template = CSharpLiterals.Quote(operation.PathTemplate.Length == 0 ? "/" : operation.PathTemplate);
        return path == template ? path : template + ", " + path;
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
                : Runtime + "GeneratedCode.ApiRequest.EscapePathSegment(" + FormatValue(parameter.Type, parameter.Name) + ")");
            position = close + 1;
        }

        return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
    }

    private static void WriteParameter(SourceWriter writer, ParameterSpec parameter)
    {
        var add = parameter.Location == ParameterLocation.Query ? "request.AddQueryParameter(" : "request.AddHeader(";
        var wireName = CSharpLiterals.Quote(parameter.WireName);
        string statement;
        if (parameter.Type.Kind == TypeKind.Array)
        {
            var element = parameter.Type.Element!;
            // An empty list sends nothing in either style, as no value is what it means.
            statement = parameter.Explode && parameter.Location == ParameterLocation.Query
                ? "foreach (var item in " + parameter.Name + ") " + add + wireName + ", " + FormatValue(element, "item") + ");"
                : "if (" + parameter.Name + ".Count > 0) " + add + wireName + ", string.Join(\",\", global::System.Linq.Enumerable.Select(" + parameter.Name + ", static item => " + FormatValue(element, "item") + ")));";
        }
        else
        {
            var value = parameter.IsRequired || !parameter.Type.IsValueType ? parameter.Name : parameter.Name + ".Value";
            statement = add + wireName + ", " + FormatValue(parameter.Type, value) + ");";
        }

        writer.Line(parameter.IsRequired ? statement : "if (" + parameter.Name + " is not null) " + statement);
    }

    private static void WriteBody(SourceWriter writer, RequestBodySpec body)
    {
        switch (body.Kind)
        {
            case BodyKind.Json:
                var write = body.Type.Kind is TypeKind.Model or TypeKind.Union or TypeKind.Enum
                    ? "global::DatadogGen.GeneratedCode.JsonValue<" + TypeNames.CSharp(body.Type) + ">.Write"
                    : "static (global::System.Text.Json.Utf8JsonWriter w, " + TypeNames.CSharp(body.Type) + " v) => " + JsonExpressions.Write(body.Type, "w", "v").TrimEnd(';');
                var contentType = body.ContentType == DefaultJsonMediaType ? "" : ", " + CSharpLiterals.Quote(body.ContentType);
                WriteIfPresent(writer, body.IsRequired, body.Name, "request.SetJsonBody(" + PresentValue(body) + ", " + write + contentType + ");");
                break;
            case BodyKind.Text:
                WriteIfPresent(writer, body.IsRequired, body.Name, "request.SetTextBody(" + body.Name + ", " + CSharpLiterals.Quote(body.ContentType) + ");");
                break;
            case BodyKind.Binary:
                WriteIfPresent(writer, body.IsRequired, body.Name, "request.SetStreamBody(" + body.Name + ", " + CSharpLiterals.Quote(body.ContentType) + ");");
                break;
            default:
                WriteMultipartBody(writer, body);
                break;
        }
    }

    // ApiRequest's defaults: the body's Content-Type, and the Accept header ApiClient sends with every request.
    private const string DefaultJsonMediaType = "application/json";

    private static bool IsAcceptedByDefault(ResponseSpec success) =>
        success.Kind == BodyKind.Json && success.MediaType is DefaultJsonMediaType or "application/vnd.api+json";

    private static void WriteMultipartBody(SourceWriter writer, RequestBodySpec body)
    {
        // Not disposed: that would dispose the caller's streams; SetMultipartBody copies the form's bytes.
        writer.Line("var form = new global::System.Net.Http.MultipartFormDataContent();");
        foreach (var field in body.Fields)
        {
            var add = field.IsBinary
                ? "form.Add(new global::System.Net.Http.StreamContent(" + field.Name + "), " + CSharpLiterals.Quote(field.WireName) + ", " + CSharpLiterals.Quote(field.WireName) + ");"
                : "form.Add(new global::System.Net.Http.StringContent(" + FormatValue(field.Type, field.IsRequired || !field.Type.IsValueType ? field.Name : field.Name + ".Value") + "), " + CSharpLiterals.Quote(field.WireName) + ");";
            WriteIfPresent(writer, field.IsRequired, field.Name, add);
        }

        writer.Line("request.SetMultipartBody(form);");
    }

    /// <summary>
    /// The body as the writer's type: an optional value-type body (an enum, a number, raw JSON as JsonElement) is
    /// a Nullable&lt;T&gt; parameter, and passing it whole leaves SetJsonBody unable to infer T (CS0411).
    /// </summary>
    private static string PresentValue(RequestBodySpec body) =>
        body.IsRequired || !body.Type.IsValueType ? body.Name : body.Name + ".Value";

    private static void WriteIfPresent(SourceWriter writer, bool isRequired, string name, string statement) =>
        writer.Line(isRequired ? statement : "if (" + name + " is not null) " + statement);

    private static string Credentials(AuthMethods auth)
    {
        var flags = new List<string>();
        if ((auth & AuthMethods.ApiKey) != 0)
        {
            flags.Add(Runtime + "GeneratedCode.ApiCredentials.ApiKey");
        }

        if ((auth & AuthMethods.ApplicationKey) != 0)
        {
            flags.Add(Runtime + "GeneratedCode.ApiCredentials.ApplicationKey");
        }

        if ((auth & AuthMethods.AccessToken) != 0)
        {
            flags.Add(Runtime + "GeneratedCode.ApiCredentials.AccessToken");
        }

        return flags.Count == 0 ? Runtime + "GeneratedCode.ApiCredentials.None" : string.Join(" | ", flags);
    }

    /// <summary>A parameter value as the string the wire carries (invariant culture, ISO 8601 dates).</summary>
    public static string FormatValue(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Model or TypeKind.Enum or TypeKind.Union or TypeKind.Any or TypeKind.Array or TypeKind.Map => value + ".ToString()!",
        _ => Runtime + "GeneratedCode.ParameterFormat.Format(" + value + ")",
    };
}
