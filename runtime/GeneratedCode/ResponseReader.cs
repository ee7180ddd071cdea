using System;
using System.ComponentModel;

namespace DatadogGen.GeneratedCode;

/// <summary>Turns the body of a successful (2xx) response into the operation's result.</summary>
/// <typeparam name="T">The result type.</typeparam>
/// <param name="statusCode">The HTTP status code, for operations whose body shape depends on it.</param>
/// <param name="body">The whole response body; may be empty.</param>
/// <returns>The result.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T ResponseReader<out T>(int statusCode, ReadOnlySpan<byte> body);
