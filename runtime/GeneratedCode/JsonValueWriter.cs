using System.ComponentModel;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>Writes one JSON value for <paramref name="value"/>; generated per model, no reflection.</summary>
/// <typeparam name="T">The model type.</typeparam>
/// <param name="writer">The writer to write exactly one complete JSON value to.</param>
/// <param name="value">The value to write.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);
