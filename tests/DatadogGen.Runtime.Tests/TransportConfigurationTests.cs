using System;
using System.Threading;
using Xunit;

namespace DatadogGen.Runtime.Tests;

/// <summary>Defaults and validation of the retry, timeout, compression, User-Agent and plain-http options.</summary>
public sealed class TransportConfigurationTests
{
    [Fact]
    public void DefaultsMatchDatadogsClientsPlusATimeout()
    {
        var configuration = new Configuration();

        Assert.False(configuration.EnableRetry);
        Assert.Equal(3, configuration.MaxRetries);
        Assert.Equal(2, configuration.BackoffBase);
        Assert.Equal(2, configuration.BackoffMultiplier);
        Assert.Equal(TimeSpan.FromSeconds(60), configuration.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), configuration.Timeout);
        Assert.True(configuration.Compress);
        Assert.Null(configuration.UserAgentSuffix);
        Assert.Null(configuration.Log);
        Assert.False(configuration.AllowInsecureHttp);
    }

    [Fact]
    public void TimeoutAcceptsInfiniteAndRejectsZeroOrNegative()
    {
        var configuration = new Configuration { Timeout = Timeout.InfiniteTimeSpan };
        Assert.Equal(Timeout.InfiniteTimeSpan, configuration.Timeout);

        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Timeout = TimeSpan.FromSeconds(-5));
        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Timeout = TimeSpan.FromDays(100));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void MaxRetriesIsBounded(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Configuration().MaxRetries = value);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void BackoffFactorsMustBeFiniteAndNotNegative(double value)
    {
        var configuration = new Configuration();

        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.BackoffBase = value);
        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.BackoffMultiplier = value);
    }

    [Fact]
    public void MaxRetryDelayRejectsNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Configuration().MaxRetryDelay = TimeSpan.FromSeconds(-1));
    }

    [Theory]
    [InlineData("tool/1.0\r\nX-Injected: 1")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9/1.0")]
    public void UserAgentSuffixMustBePrintableAscii(string value)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new Configuration().UserAgentSuffix = value);

        Assert.Contains("printable ASCII", ex.Message);
    }

    [Fact]
    public void EmptyUserAgentSuffixMeansNone()
    {
        Assert.Null(new Configuration { UserAgentSuffix = "" }.UserAgentSuffix);
    }

    [Fact]
    public void ToStringDescribesTheTransportOptions()
    {
        var configuration = new Configuration { EnableRetry = true, Timeout = TimeSpan.FromMilliseconds(1500), Compress = false };

        Assert.Contains("EnableRetry = True, MaxRetries = 3, Timeout = 1.5 s, Compress = False, AllowInsecureHttp = False", configuration.ToString());
    }
}
