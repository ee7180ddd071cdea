using System;
using System.ComponentModel;

namespace DatadogGen.GeneratedCode;

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

    /// <summary>An error reader for a body of one declared model: read cleanly, else unparsed, else null.</summary>
    /// <typeparam name="T">The error model.</typeparam>
    /// <param name="statusCode">The status, which this reader does not need.</param>
    /// <param name="body">The response body, UTF-8.</param>
    /// <returns>The model, or null.</returns>
    public static object? Read<T>(int statusCode, ReadOnlySpan<byte> body)
        where T : IJsonValue<T> =>
        TryRead(body, JsonValue<T>.Read) ?? TryReadUnparsed(body, JsonValue<T>.Read);

    /// <summary>
    /// An error reader trying two models: the first that reads the body cleanly wins; when none does, the first
    /// that reads it at all (unparsed, its odd parts kept raw) is still more use than none.
    /// </summary>
    /// <typeparam name="T1">The model tried first.</typeparam>
    /// <typeparam name="T2">The model tried next.</typeparam>
    /// <param name="statusCode">The status, which this reader does not need.</param>
    /// <param name="body">The response body, UTF-8.</param>
    /// <returns>The model, or null.</returns>
    public static object? Read<T1, T2>(int statusCode, ReadOnlySpan<byte> body)
        where T1 : IJsonValue<T1>
        where T2 : IJsonValue<T2> =>
        TryRead(body, JsonValue<T1>.Read) ?? TryRead(body, JsonValue<T2>.Read) ?? TryReadUnparsed(body, JsonValue<T1>.Read);

    /// <summary>An error reader trying three models, as <see cref="Read{T1, T2}"/> does two.</summary>
    /// <typeparam name="T1">The model tried first.</typeparam>
    /// <typeparam name="T2">The model tried next.</typeparam>
    /// <typeparam name="T3">The model tried last.</typeparam>
    /// <param name="statusCode">The status, which this reader does not need.</param>
    /// <param name="body">The response body, UTF-8.</param>
    /// <returns>The model, or null.</returns>
    public static object? Read<T1, T2, T3>(int statusCode, ReadOnlySpan<byte> body)
        where T1 : IJsonValue<T1>
        where T2 : IJsonValue<T2>
        where T3 : IJsonValue<T3> =>
        TryRead(body, JsonValue<T1>.Read) ?? TryRead(body, JsonValue<T2>.Read) ?? TryRead(body, JsonValue<T3>.Read)
        ?? TryReadUnparsed(body, JsonValue<T1>.Read);
}
