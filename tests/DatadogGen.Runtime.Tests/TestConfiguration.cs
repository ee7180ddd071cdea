using System;

namespace DatadogGen.Runtime.Tests;

internal static class TestConfiguration
{
    /// <summary>
    /// A configuration aimed at a test server, with keys set explicitly so that DD_API_KEY / DD_APP_KEY on the
    /// machine running the tests cannot change what is sent.
    /// </summary>
    public static Configuration For(Uri baseAddress, string? apiKey = null, string? applicationKey = null) =>
        new() { BaseAddress = baseAddress, ApiKey = apiKey, ApplicationKey = applicationKey };

    /// <summary>A configuration with retries on and waits short enough for a test.</summary>
    public static Configuration Retrying(Uri baseAddress, int maxRetries = 3)
    {
        Configuration configuration = For(baseAddress);
        configuration.EnableRetry = true;
        configuration.MaxRetries = maxRetries;
        configuration.BackoffBase = 0.01;
        configuration.BackoffMultiplier = 2;
        return configuration;
    }
}
