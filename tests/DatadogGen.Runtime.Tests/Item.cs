namespace DatadogGen.Runtime.Tests;

/// <summary>A minimal model for request and response bodies.</summary>
internal sealed record Item(string Id);
