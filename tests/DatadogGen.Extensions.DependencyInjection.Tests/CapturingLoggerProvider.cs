using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DatadogGen.Extensions.DependencyInjection.Tests;

/// <summary>
/// Keeps every line any logger writes, with its category and level, and the event id and structured fields
/// (a state that is a list of name/value pairs, as structured logging providers read it).
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();
    private readonly ConcurrentQueue<(string Category, EventId EventId, IReadOnlyList<KeyValuePair<string, object?>>? Fields)> _events = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. _lines];

    public IReadOnlyList<(string Category, EventId EventId, IReadOnlyList<KeyValuePair<string, object?>>? Fields)> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines, _events);

    public void Dispose()
    {
    }

    private sealed class Logger(
        string category,
        ConcurrentQueue<(string, LogLevel, string)> lines,
        ConcurrentQueue<(string, EventId, IReadOnlyList<KeyValuePair<string, object?>>?)> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
            events.Enqueue((category, eventId, state as IReadOnlyList<KeyValuePair<string, object?>>));
        }
    }
}
