using System;
using System.ComponentModel;

namespace DatadogGen;

/// <summary>
/// Reads error bodies for generated error readers, which try several models in turn: a body that does not
/// fit one is an expected outcome, so it becomes null instead of an exception.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ErrorBodies
{
    /// <summary>
    /// Reads the whole body as <typeparamref name="T"/>, or returns null when it does not fit or reads only
    /// unparsed (<see cref="IJsonModel.IsUnparsed"/>), so that a later model that fits cleanly gets its turn.
    /// </summary>
    /// <typeparam name="T">The error model.</typeparam>
    /// <param name="body">The response body, UTF-8.</param>
    /// <param name="read">Reads the model.</param>
    /// <returns>The model, or null.</returns>
    public static object? TryRead<T>(ReadOnlySpan<byte> body, JsonValueReader<T> read) =>
        TryReadUnparsed(body, read) is { } value and not IJsonModel { IsUnparsed: true } ? value : null;

    /// <summary>Reads the whole body as <typeparamref name="T"/>, even unparsed, or returns null when it is not JSON of that kind.</summary>
    /// <typeparam name="T">The error model.</typeparam>
    /// <param name="body">The response body, UTF-8.</param>
    /// <param name="read">Reads the model.</param>
    /// <returns>The model, or null.</returns>
    public static object? TryReadUnparsed<T>(ReadOnlySpan<byte> body, JsonValueReader<T> read) =>
        JsonModel.TryDeserialize(body, read, out T? value) ? value : null;
}
