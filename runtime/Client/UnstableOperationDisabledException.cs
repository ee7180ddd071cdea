using System;

namespace DatadogGen;

/// <summary>
/// Thrown, before any I/O, when code calls an unstable operation that
/// <see cref="Configuration.SetUnstableOperationEnabled"/> has not enabled.
/// </summary>
public sealed class UnstableOperationDisabledException : InvalidOperationException
{
    // The first sentence is the one Datadog's own clients use (docs and tests quote it); the second names the call
    // that enables the operation, so the fix is in the message itself.
    internal UnstableOperationDisabledException(string operationName)
        : base($"Unstable operation '{operationName}' is disabled. Enable it with configuration.{nameof(Configuration.SetUnstableOperationEnabled)}(\"{operationName}\", true).")
    {
        OperationName = operationName;
    }

    /// <summary>The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    public string OperationName { get; }
}
