using System;
using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace DatadogGen.Runtime.Tests;

public sealed class ConfigurationTests
{
    private const string ApiKey = "api-key-1234567890abcdef";
    private const string ApplicationKey = "app-key-fedcba0987654321";

    [Fact]
    public void KnownSitesAreDatadogsSites()
    {
        Assert.Equal(
            [
                "datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu",
                "ap1.datadoghq.com", "ap2.datadoghq.com", "ddog-gov.com", "us2.ddog-gov.com",
            ],
            Configuration.KnownSites);
    }

    [Theory]
    [InlineData("us3.datadoghq.com", "https://api.us3.datadoghq.com/")]
    [InlineData("ddog-gov.com", "https://api.ddog-gov.com/")]
    [InlineData("DatadogHQ.EU", "https://api.datadoghq.eu/")]
    public void SiteSelectsTheApiHost(string site, string expected)
    {
        var configuration = new Configuration { Site = site };

        Assert.Equal(new Uri(expected), configuration.ResolveBaseAddress());
    }

    [Theory]
    [InlineData("datadoghq.co")]
    [InlineData("https://api.datadoghq.com")]
    [InlineData("")]
    public void UnknownSiteIsRejectedWithTheKnownOnes(string site)
    {
        var configuration = new Configuration();

        ArgumentException ex = Assert.Throws<ArgumentException>(() => configuration.Site = site);

        foreach (string known in Configuration.KnownSites)
        {
            Assert.Contains(known, ex.Message);
        }
    }

    [Fact]
    public void BaseAddressOverridesTheSite()
    {
        var configuration = new Configuration { Site = "datadoghq.eu", BaseAddress = new Uri("http://localhost:8080/") };

        Assert.Equal(new Uri("http://localhost:8080/"), configuration.ResolveBaseAddress());
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("ftp://example.com/")]
    [InlineData("https://example.com/?a=b")]
    public void BaseAddressMustBeAnAbsoluteHttpUriWithoutQuery(string address)
    {
        var configuration = new Configuration();

        Assert.Throws<ArgumentException>(() => configuration.BaseAddress = new Uri(address, UriKind.RelativeOrAbsolute));
    }

    [Theory]
    [InlineData("abc\r\nX-Injected: 1")]
    [InlineData("abc\n")]
    public void KeysWithLineBreaksAreRejectedWithoutQuotingThem(string key)
    {
        var configuration = new Configuration();

        ArgumentException apiEx = Assert.Throws<ArgumentException>(() => configuration.ApiKey = key);
        ArgumentException appEx = Assert.Throws<ArgumentException>(() => configuration.ApplicationKey = key);

        Assert.DoesNotContain("abc", apiEx.Message);
        Assert.Contains("ApiKey", apiEx.Message);
        Assert.Contains("ApplicationKey", appEx.Message);
    }

    [Fact]
    public void ToStringNeverShowsKeys()
    {
        var configuration = new Configuration { ApiKey = ApiKey, ApplicationKey = ApplicationKey, Site = "datadoghq.eu" };

        string text = configuration.ToString();

        Assert.DoesNotContain(ApiKey, text);
        Assert.DoesNotContain(ApplicationKey, text);
        Assert.Contains("datadoghq.eu", text);
        Assert.Contains("ApiKey = set", text);
    }

    [Fact]
    public void DebuggerShowsToStringAndHidesKeyProperties()
    {
        Assert.Equal("{ToString(),nq}", typeof(Configuration).GetCustomAttribute<DebuggerDisplayAttribute>()?.Value);
        foreach (string name in new[] { nameof(Configuration.ApiKey), nameof(Configuration.ApplicationKey) })
        {
            DebuggerBrowsableAttribute? browsable =
                typeof(Configuration).GetProperty(name)!.GetCustomAttribute<DebuggerBrowsableAttribute>();
            Assert.Equal(DebuggerBrowsableState.Never, browsable?.State);
        }
    }
}
