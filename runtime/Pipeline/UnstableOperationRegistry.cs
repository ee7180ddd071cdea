using System;
using System.Collections.Generic;
using System.Threading;

namespace DatadogGen.Pipeline;

/// <summary>
/// The process-wide set of unstable operation names. Generated clients fill it from module initializers,
/// which may run on any thread while other code already reads it.
/// </summary>
internal static class UnstableOperationRegistry
{
    private const string NameExample = "v2.CreateIncidentPostmortemAttachment";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal);
    private static readonly Lock NamesLock = new();

    public static void Register(string[] operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        // Validate everything first so a bad call registers nothing rather than half of its names.
        foreach (string operation in operations)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(operation, nameof(operations));
        }

        lock (NamesLock)
        {
            Names.UnionWith(operations);
        }
    }

    public static void ThrowIfUnknown(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        string[] known;
        lock (NamesLock)
        {
            if (Names.Contains(operation))
            {
                return;
            }

            known = [.. Names];
        }

        throw new ArgumentException(DescribeUnknown(operation, known), nameof(operation));
    }

    private static string DescribeUnknown(string operation, string[] known)
    {
        string message = $"Unknown unstable operation '{operation}'.";
        string? suggestion = OperationNameSuggester.FindClosest(operation, known);
        if (suggestion is not null)
        {
            message += $" Did you mean '{suggestion}'?";
        }
        else if (known.Length == 0)
        {
            message += " No generated client has registered any unstable operation yet.";
        }

        return message + $" Names are the API version, a dot and the operation id, e.g. '{NameExample}'.";
    }
}
