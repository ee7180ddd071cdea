using System;

namespace DatadogGen.Pipeline;

/// <summary>
/// Masks key values in text the client writes (exception messages, log lines). The client never puts a key in
/// such text itself; this covers what a server or proxy echoes back in an error body or a reason phrase.
/// </summary>
internal readonly struct SecretRedactor
{
    // Shorter values are not real keys, and masking every "a" in a message would make it unreadable.
    private const int MinLength = 4;
    private const string Mask = "***";

    private readonly string? _first;
    private readonly string? _second;
    private readonly string? _third;

    public SecretRedactor(string? first, string? second, string? third)
    {
        _first = first;
        _second = second;
        _third = third;
    }

    public string Redact(string text) => Replace(Replace(Replace(text, _first), _second), _third);

    private static string Replace(string text, string? secret) =>
        secret is { Length: >= MinLength } && text.Contains(secret, StringComparison.Ordinal)
            ? text.Replace(secret, Mask, StringComparison.Ordinal)
            : text;
}
