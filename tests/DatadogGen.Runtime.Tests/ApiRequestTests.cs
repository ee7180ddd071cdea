using System;
using System.Net.Http;
using Xunit;

namespace DatadogGen.Runtime.Tests;

public sealed class ApiRequestTests
{
    [Theory]
    [InlineData("abc-123", "abc-123")]
    [InlineData("a.b", "a%2Eb")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("100%", "100%25")]
    [InlineData("a b+c", "a%20b%2Bc")]
    public void EscapePathSegmentLeavesOnlyUnreservedCharactersOtherThanDot(string value, string expected)
    {
        Assert.Equal(expected, ApiRequest.EscapePathSegment(value));
    }

    [Fact]
    public void EscapePathSegmentRejectsEmptyValues()
    {
        // An empty segment would turn /items/{id} into /items/, a different endpoint.
        Assert.Throws<ArgumentException>(() => ApiRequest.EscapePathSegment(""));
    }

    [Theory]
    [InlineData("api/v2/items")]
    [InlineData("/api/v2/items?x=1")]
    [InlineData("/api/v2/items#top")]
    public void PathMustBeAnAbsolutePathWithoutQueryOrFragment(string path)
    {
        Assert.Throws<ArgumentException>(() => new ApiRequest("v2.GetItem", HttpMethod.Get, path));
    }

    [Fact]
    public void HeaderValuesWithLineBreaksAreRejected()
    {
        var request = new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items");

        Assert.Throws<ArgumentException>(() => request.AddHeader("X-Test", "a\r\nX-Injected: 1"));
    }
}
