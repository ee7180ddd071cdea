using System.ComponentModel;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// The JSON a union read but no variant matched, held where the variant would be: a union then needs one field,
/// not a variant and a nullable <see cref="JsonElement"/> beside it, and most unions read match a variant.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnparsedJson
{
    /// <summary>Keeps the JSON.</summary>
    /// <param name="element">The value as read.</param>
    public UnparsedJson(JsonElement element) => Element = element;

    /// <summary>The value as read, written back unchanged.</summary>
    public JsonElement Element { get; }
}
