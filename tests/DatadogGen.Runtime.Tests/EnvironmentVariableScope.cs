using System;
using System.Collections.Generic;

namespace DatadogGen.Runtime.Tests;

/// <summary>Sets environment variables and puts the previous values back on dispose.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public EnvironmentVariableScope(params (string Name, string? Value)[] variables)
    {
        foreach ((string name, string? value) in variables)
        {
            _previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (KeyValuePair<string, string?> variable in _previous)
        {
            Environment.SetEnvironmentVariable(variable.Key, variable.Value);
        }
    }
}
