using System;
using System.ComponentModel;

namespace DatadogGen.GeneratedCode;

/// <summary>Turns the body of a failed response into the operation's typed error model.</summary>
/// <param name="statusCode">The HTTP status code, which selects the declared error model.</param>
/// <param name="body">The whole response body; may be empty.</param>
/// <returns>The error model, or null when the body matches none. Exceptions are treated as null.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate object? ErrorReader(int statusCode, ReadOnlySpan<byte> body);
