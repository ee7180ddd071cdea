using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace DatadogGen.Runtime.Tests;

/// <summary>Collects the lines handed to <see cref="Configuration.Log"/>; safe for concurrent calls.</summary>
internal sealed class LogCapture
{
    private readonly ConcurrentQueue<(ApiLogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(ApiLogLevel Level, string Message)> Lines => [.. _lines];

    public IReadOnlyList<string> At(ApiLogLevel level) => [.. _lines.Where(l => l.Level == level).Select(l => l.Message)];

    public void Attach(Configuration configuration) => configuration.Log = (level, message) => _lines.Enqueue((level, message));
}
