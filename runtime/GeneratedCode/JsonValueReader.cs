using System.ComponentModel;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>Reads one JSON value; generated per model, no reflection.</summary>
/// <typeparam name="T">The model type.</typeparam>
/// <param name="reader">
/// Positioned on the value's first token; on return it must be on the value's last token
/// (the same token for a primitive, the matching end token for an object or array).
/// </param>
/// <returns>The value read.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);
