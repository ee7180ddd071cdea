using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.Tests.Client;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>
/// A user's own code, written against the generated IIncidentsApi, unit-tested with NSubstitute: results made with
/// ApiResponse.FromValue, failures with new ApiException(...) and new ApiTimeoutException(...). No server, no handler.
/// </summary>
public class MockingTests
{
    private const string IncidentId = "00000000-0000-0000-0000-000000000000";

    [Fact]
    public async Task AMockedResultReachesTheUsersCode()
    {
        var api = Substitute.For<IIncidentsApi>();
        api.CreateIncidentPostmortemAttachmentWithHttpInfoAsync(IncidentId, Arg.Any<PostmortemAttachmentRequest>(), Arg.Any<CancellationToken>())
            .Returns(ApiResponse.FromValue(Attachment("att-1"), 201, new Dictionary<string, IReadOnlyList<string>> { ["X-RateLimit-Remaining"] = ["41"] }));

        var outcome = await new PostmortemPublisher(api).PublishAsync(IncidentId, "IR-1 summary");

        Assert.Equal("created att-1 (201), 41 calls left", outcome);
        await api.Received(1).CreateIncidentPostmortemAttachmentWithHttpInfoAsync(
            IncidentId, Arg.Is<PostmortemAttachmentRequest>(body => body.Data.Attributes.Title == "IR-1 summary"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AMockedFailureReachesTheUsersCatch()
    {
        var api = Substitute.For<IIncidentsApi>();
        api.CreateIncidentPostmortemAttachmentWithHttpInfoAsync(default!, default!, default)
            .ReturnsForAnyArgs(Task.FromException<ApiResponse<Attachment>>(new ApiException(404, "incident not found")));

        Assert.Equal("failed: 404 incident not found", await new PostmortemPublisher(api).PublishAsync(IncidentId, "IR-1 summary"));
    }

    [Fact]
    public async Task AMockedTimeoutIsCaughtAsAnApiException()
    {
        var api = Substitute.For<IIncidentsApi>();
        api.CreateIncidentPostmortemAttachmentWithHttpInfoAsync(default!, default!, default)
            .ThrowsAsyncForAnyArgs(new ApiTimeoutException("timed out after 60 s", TimeSpan.FromSeconds(60), "v2.CreateIncidentPostmortemAttachment"));

        Assert.Equal("failed: 0 timed out after 60 s", await new PostmortemPublisher(api).PublishAsync(IncidentId, "IR-1 summary"));
    }

    [Fact]
    public void TestMadeExceptionsAndResponsesReadLikeRealOnes()
    {
        var exception = new ApiException(429, "slow down", headers: new Dictionary<string, IReadOnlyList<string>> { ["x-ratelimit-reset"] = ["7"] });
        Assert.Equal(429, exception.StatusCode);
        Assert.Equal("", exception.OperationName);
        Assert.Equal(7, exception.RateLimit.Reset);
        Assert.Equal(["7"], exception.Headers["X-RateLimit-Reset"]);

        var timeout = new ApiTimeoutException("timed out", TimeSpan.FromSeconds(1));
        Assert.IsType<TimeoutException>(timeout.InnerException);
        Assert.Equal(0, timeout.StatusCode);

        var response = ApiResponse.FromValue("body", 200);
        Assert.Equal("body", response.Data);
        Assert.Empty(response.Headers);
    }

    private static Attachment Attachment(string id) => new()
    {
        Data = new AttachmentData
        {
            Id = id,
            Type = IncidentAttachmentType.IncidentAttachments,
            Attributes = new AttachmentDataAttributes(),
            Relationships = new AttachmentDataRelationships(),
        },
    };

    /// <summary>What a user would write: code that depends on the interface, not on HTTP.</summary>
    private sealed class PostmortemPublisher(IIncidentsApi incidents)
    {
        public async Task<string> PublishAsync(string incidentId, string title)
        {
            var body = new PostmortemAttachmentRequest
            {
                Data = new PostmortemAttachmentRequestData
                {
                    Attributes = new PostmortemAttachmentRequestAttributes { Cells = [], Title = title },
                    Type = IncidentAttachmentType.IncidentAttachments,
                },
            };
            try
            {
                var response = await incidents.CreateIncidentPostmortemAttachmentWithHttpInfoAsync(incidentId, body);
                return $"created {response.Data.Data!.Id} ({response.StatusCode}), {response.RateLimit.Remaining} calls left";
            }
            catch (ApiException failure)
            {
                return $"failed: {failure.StatusCode} {failure.Message}";
            }
        }
    }
}
