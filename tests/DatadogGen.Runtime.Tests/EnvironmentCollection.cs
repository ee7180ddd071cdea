using Xunit;

namespace DatadogGen.Runtime.Tests;

/// <summary>
/// Tests that change process environment variables. The collection runs alone, after all others, because
/// every <c>new Configuration()</c> anywhere in the run reads those variables.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
