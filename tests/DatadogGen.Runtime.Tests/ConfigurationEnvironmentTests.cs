using System;
using Xunit;

namespace DatadogGen.Runtime.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class ConfigurationEnvironmentTests
{
    [Fact]
    public void ReadsSiteAndKeysFromTheEnvironment()
    {
        using var scope = new EnvironmentVariableScope(
            ("DD_SITE", "datadoghq.eu"), ("DD_API_KEY", "env-api-key"), ("DD_APP_KEY", "env-app-key"));

        var configuration = new Configuration();

        Assert.Equal("datadoghq.eu", configuration.Site);
        Assert.Equal("env-api-key", configuration.ApiKey);
        Assert.Equal("env-app-key", configuration.ApplicationKey);
        Assert.Equal(new Uri("https://api.datadoghq.eu/"), configuration.ResolveBaseAddress());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void UnsetOrEmptyVariablesMeanDefaults(string? value)
    {
        using var scope = new EnvironmentVariableScope(("DD_SITE", value), ("DD_API_KEY", value), ("DD_APP_KEY", value));

        var configuration = new Configuration();

        Assert.Equal("datadoghq.com", configuration.Site);
        Assert.Null(configuration.ApiKey);
        Assert.Null(configuration.ApplicationKey);
        Assert.Equal(new Uri("https://api.datadoghq.com/"), configuration.ResolveBaseAddress());
    }

    [Fact]
    public void InvalidSiteInTheEnvironmentNamesTheVariable()
    {
        using var scope = new EnvironmentVariableScope(("DD_SITE", "app.datadoghq.com"));

        ArgumentException ex = Assert.Throws<ArgumentException>(() => new Configuration());

        Assert.Contains("DD_SITE", ex.Message);
        Assert.Contains("app.datadoghq.com", ex.Message);
        Assert.Contains("us5.datadoghq.com", ex.Message);
    }

    [Theory]
    [InlineData("DD_API_KEY")]
    [InlineData("DD_APP_KEY")]
    public void KeyWithNewlineInTheEnvironmentIsRejectedWithoutQuotingIt(string variable)
    {
        using var scope = new EnvironmentVariableScope((variable, "secret-in-env-123\n"));

        ArgumentException ex = Assert.Throws<ArgumentException>(() => new Configuration());

        Assert.Contains(variable, ex.Message);
        Assert.DoesNotContain("secret-in-env-123", ex.Message);
    }
}
