using System;

namespace DatadogGen;

/// <summary>
/// Thrown, before any I/O, when code calls an unstable operation that
/// <see cref="Configuration.SetUnstableOperationEnabled"/> has not enabled.
/// </summary>
public sealed class UnstableOperationDisabledException : InvalidOperationException
{
    internal UnstableOperationDisabledException(string operationName)
        : base($"Unstable operation '{operationName}' is disabled")
    {
        OperationName = operationName;
    }

    /// <summary>The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    public string OperationName { get; }
}
