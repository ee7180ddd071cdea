using System.Collections.Generic;

namespace DatadogGen.Testing;

/// <summary>A request as the loopback server saw it, captured before the test's handler ran.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent on the wire, before any decoding.</param>
/// <param name="Headers">Header values by case-insensitive name, comma-joined.</param>
/// <param name="Query">Decoded query values by name, in order.</param>
/// <param name="Body">The raw request body.</param>
internal sealed record ReceivedRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string[]> Query,
    byte[] Body);
