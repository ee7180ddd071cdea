namespace DatadogGen.Generator.Model;

internal enum PaginationMode
{
    /// <summary>The next page's cursor comes from the response and goes into the cursor parameter.</summary>
    Cursor,

    /// <summary>The offset parameter advances by the number of items received.</summary>
    Offset,

    /// <summary>The page-number parameter advances by one.</summary>
    PageNumber,
}

/// <summary>
/// An x-pagination extension resolved to C#. The page (cursor, offset or number) and the page size travel in
/// method parameters (<see cref="PageParameter"/>, <see cref="LimitParameter"/>) or, when the spec says
/// "body.page.cursor", in properties of the request body reached through <see cref="BodyPath"/>. Response paths
/// are null-conditional C# chains such as "Meta?.Page?.After".
/// </summary>
internal sealed record PaginationSpec(
    PaginationMode Mode,
    string? PageParameter,
    string? LimitParameter,
    EquatableArray<BodyPathStep> BodyPath,
    string? BodyPageProperty,
    string? BodyLimitProperty,
    long DefaultLimit,
    long PageStart,
    string ResultsPath,
    TypeRef ItemType,
    string? CursorPath);

/// <summary>One property on the way from the request body to its paging properties, and the type to create when null.</summary>
internal sealed record BodyPathStep(string Property, string TypeName);
