namespace DatadogGen.Runtime.Tests;

/// <summary>A minimal typed error model.</summary>
internal sealed record TestError(string Message);
