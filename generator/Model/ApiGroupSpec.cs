namespace DatadogGen.Generator.Model;

/// <summary>One API class (one per tag), the interface it implements, and its operations.</summary>
internal sealed record ApiGroupSpec(string ClassName, string InterfaceName, string? Description, EquatableArray<OperationSpec> Operations);

/// <summary>One HTTP operation. <see cref="OperationName"/> is the name users enable unstable operations by.</summary>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string OperationName,
    string HttpMethod,
    string PathTemplate,
    string? Summary,
    string? Description,
    string? UnstableNote,
    bool IsDeprecated,
    string? Subdomain,
    string? ServerAddress,
    AuthMethods Auth,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    ResponseSpec? Success,
    EquatableArray<ErrorResponseSpec> Errors,
    EquatableArray<TypeRef> ErrorFallbacks,
    PaginationSpec? Pagination);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A path, query or header parameter; arrays in a query repeat the name unless Explode is false.</summary>
internal sealed record ParameterSpec(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    bool Explode,
    string? Description);

/// <summary>How a body travels: JSON through the generated writer, text or bytes as they are, or a form.</summary>
internal enum BodyKind
{
    Json,
    Text,
    Binary,
    Multipart,
}

/// <summary>
/// The request body. For <see cref="BodyKind.Multipart"/> each form field is a method parameter of its own
/// (<see cref="Fields"/>), and <see cref="Name"/> is unused.
/// </summary>
internal sealed record RequestBodySpec(
    string Name,
    BodyKind Kind,
    string ContentType,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    EquatableArray<MultipartFieldSpec> Fields);

/// <summary>One field of a multipart/form-data body; binary fields are sent as files.</summary>
internal sealed record MultipartFieldSpec(string WireName, string Name, TypeRef Type, bool IsBinary, bool IsRequired, string? Description);

/// <summary>The success response: a JSON model, text (YAML, CSV), or raw bytes (zip), in <see cref="MediaType"/>.</summary>
internal sealed record ResponseSpec(BodyKind Kind, TypeRef Type, string MediaType);

/// <summary>A declared error status (or "4XX"/"default" range) and the model its body parses to.</summary>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type);

/// <summary>The credentials an operation accepts, from its security requirements.</summary>
[System.Flags]
internal enum AuthMethods
{
    None = 0,
    ApiKey = 1,
    ApplicationKey = 2,
    AccessToken = 4,
}
