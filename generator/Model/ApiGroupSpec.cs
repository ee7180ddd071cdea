namespace DatadogGen.Generator.Model;

/// <summary>One API class (one per tag) and its operations.</summary>
internal sealed record ApiGroupSpec(string ClassName, string? Description, EquatableArray<OperationSpec> Operations);

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
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    TypeRef? SuccessType,
    EquatableArray<ErrorResponseSpec> Errors);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

internal sealed record ParameterSpec(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description);

internal sealed record RequestBodySpec(string Name, TypeRef Type, bool IsRequired, string? Description);

/// <summary>A declared error status (or "4XX"/"default" range) and the model its body parses to.</summary>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type);
