using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Client;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>The generated IncidentsApi against a real Kestrel server on loopback.</summary>
public class PostmortemClientTests
{
    private const string IncidentId = "00000000-0000-0000-0000-000000000000";

    [Fact]
    public async Task ReadmeUsageSendsTheReferenceRequestAndReadsTheResponse()
    {
        await using var server = await LoopbackServer.StartAsync(201, ReferenceExamples.CreatedResponse);

        // The README's usage, word for word, plus the two lines that aim it at the loopback server.
        var configuration = new DatadogGen.Configuration();
        configuration.BaseAddress = server.BaseAddress;
        configuration.ApiKey = "test-api-key";
        configuration.ApplicationKey = "test-app-key";
        configuration.SetUnstableOperationEnabled("v2.CreateIncidentPostmortemAttachment", true);
        using var apiClient = new DatadogGen.ApiClient(configuration);
        var api = new IncidentsApi(apiClient);
        var body = new PostmortemAttachmentRequest {
            Data = new PostmortemAttachmentRequestData {
                Attributes = new PostmortemAttachmentRequestAttributes {
                    Cells = [ new PostmortemCell {
                        Attributes = new PostmortemCellAttributes {
                            Definition = new PostmortemCellDefinition { Content = "## Incident Summary\nThis incident was caused by..." } },
                        Id = "cell-1", Type = PostmortemCellType.Markdown } ],
                    Content = "# Incident Report - IR-123\n[...]",
                    PostmortemTemplateId = "93645509-874e-45c4-adfa-623bfeaead89-123",
                    Title = "Postmortem-IR-123" },
                Type = IncidentAttachmentType.IncidentAttachments } };
        Attachment response = await api.CreateIncidentPostmortemAttachmentAsync("00000000-0000-0000-0000-000000000000", body);

        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/v2/incidents/{IncidentId}/attachments/postmortems", request.RawTarget);
        Assert.Equal("test-api-key", request.Headers["DD-API-KEY"]);
        Assert.Equal("test-app-key", request.Headers["DD-APPLICATION-KEY"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        JsonAssert.Equivalent(ReferenceExamples.Request, Encoding.UTF8.GetString(request.Body));

        Assert.Equal("00000000-abcd-0002-0000-000000000000", response.Data!.Id);
        Assert.Equal(IncidentAttachmentType.IncidentAttachments, response.Data.Type);
    }

    [Fact]
    public void ReferenceResponseDeserializesCompletely()
    {
        var attachment = System.Text.Json.JsonSerializer.Deserialize(ReferenceExamples.CreatedResponse, JsonTypeInfo<Attachment>())!;

        var data = attachment.Data!;
        Assert.Equal("00000000-abcd-0002-0000-000000000000", data.Id);
        Assert.Equal(IncidentAttachmentType.IncidentAttachments, data.Type);
        Assert.Equal("https://app.datadoghq.com/notebook/123/Postmortem-IR-123", data.Attributes.Attachment!.DocumentUrl);
        Assert.Equal("Postmortem IR-123", data.Attributes.Attachment.Title);
        Assert.Equal(AttachmentDataAttributesAttachmentType.Postmortem, data.Attributes.AttachmentType);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 1, 1, 1, TimeSpan.Zero), data.Attributes.Modified);
        Assert.Equal("00000000-0000-0000-1234-000000000000", data.Relationships.Incident!.Data.Id);
        Assert.Equal(IncidentType.Incidents, data.Relationships.Incident.Data.Type);
        Assert.Equal("00000000-0000-0000-2345-000000000000", data.Relationships.LastModifiedByUser!.Data.Id);
        Assert.Equal(UsersType.Users, data.Relationships.LastModifiedByUser.Data.Type);

        var included = Assert.Single(attachment.Included!);
        Assert.False(included.IsUnparsed);
        var user = included.IncidentUserData!;
        Assert.Equal("string", user.Id);
        Assert.Equal(UsersType.Users, user.Type);
        Assert.Equal("string", user.Attributes!.Email);
        Assert.Equal("string", user.Attributes.Name);
        Assert.Equal("string", user.Attributes.Uuid);

        // Nothing was left over in an additional-properties bag: every field mapped to a property.
        Assert.Empty(attachment.AdditionalProperties);
        Assert.Empty(data.AdditionalProperties);
        Assert.Empty(user.Attributes.AdditionalProperties);
        JsonAssert.Equivalent(ReferenceExamples.CreatedResponse, System.Text.Json.JsonSerializer.Serialize(attachment, JsonTypeInfo<Attachment>()));
    }

    [Fact]
    public async Task DisabledUnstableOperationThrowsBeforeAnyRequest()
    {
        await using var server = await LoopbackServer.StartAsync(201, ReferenceExamples.CreatedResponse);
        using var apiClient = new DatadogGen.ApiClient(LoopbackConfiguration(server, enableUnstable: false));

        var exception = await Assert.ThrowsAsync<DatadogGen.UnstableOperationDisabledException>(
            () => new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentAsync(IncidentId, MinimalRequest()));

        Assert.IsAssignableFrom<InvalidOperationException>(exception);
        Assert.Equal("Unstable operation 'v2.CreateIncidentPostmortemAttachment' is disabled. Enable it with configuration.SetUnstableOperationEnabled(\"v2.CreateIncidentPostmortemAttachment\", true).", exception.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task BadRequestBecomesApiExceptionWithTheParsedJsonApiError()
    {
        await using var server = await LoopbackServer.StartAsync(400, ReferenceExamples.BadRequestResponse);
        using var apiClient = new DatadogGen.ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<DatadogGen.ApiException>(
            () => new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentAsync(IncidentId, MinimalRequest()));

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("v2.CreateIncidentPostmortemAttachment", exception.OperationName);
        var error = Assert.Single(exception.GetError<JSONAPIErrorResponse>()!.Errors);
        Assert.Equal("Missing required attribute in body", error.Detail);
        Assert.Equal("/data/attributes/title", error.Source!.Pointer);
        Assert.Equal("400", error.Status);
        Assert.Contains("Missing required attribute in body", exception.ResponseBody);
    }

    [Fact]
    public async Task TooManyRequestsBecomesApiExceptionWithTheParsedApiError()
    {
        await using var server = await LoopbackServer.StartAsync(429, ReferenceExamples.TooManyRequestsResponse);
        using var apiClient = new DatadogGen.ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<DatadogGen.ApiException>(
            () => new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentAsync(IncidentId, MinimalRequest()));

        Assert.Equal(429, exception.StatusCode);
        Assert.Equal(["Bad Request"], exception.GetError<APIErrorResponse>()!.Errors);
    }

    [Fact]
    public async Task JsonApiErrorsWhereTheSpecSaysApiErrorResponseReadAsTheModelThatFitsThem()
    {
        // The spec declares APIErrorResponse (errors: strings) for 429; real endpoints send JSON:API objects.
        await using var server = await LoopbackServer.StartAsync(429, """{"errors":[{"status":"429","title":"Too Many Requests"}]}""");
        using var apiClient = new DatadogGen.ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<DatadogGen.ApiException>(
            () => new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentAsync(IncidentId, MinimalRequest()));

        var error = Assert.IsType<JSONAPIErrorResponse>(exception.Error);
        Assert.False(error.IsUnparsed);
        Assert.Equal("Too Many Requests", Assert.Single(error.Errors).Title);
    }

    [Fact]
    public async Task ErrorBodyOfNoDeclaredShapeIsStillReadAndSaysSo()
    {
        // A 400 without "errors": no model fits it cleanly, so the declared one reads it, flagged, nothing lost.
        const string body = """{"message":"quota exceeded","code":17}""";
        await using var server = await LoopbackServer.StartAsync(400, body);
        using var apiClient = new DatadogGen.ApiClient(LoopbackConfiguration(server));

        var exception = await Assert.ThrowsAsync<DatadogGen.ApiException>(
            () => new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentAsync(IncidentId, MinimalRequest()));

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal(body, exception.ResponseBody);
        var error = Assert.IsType<JSONAPIErrorResponse>(exception.Error);
        Assert.True(error.IsUnparsed);
        Assert.Equal("quota exceeded", error.AdditionalProperties["message"].GetString());
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("what?x=1")]
    [InlineData("frag#ment")]
    [InlineData("..")]
    [InlineData("../../v1/secrets")]
    [InlineData("%2F..%2F")]
    [InlineData("inc\u00e9dent \u2603")]
    public async Task PathParameterStaysInsideItsSegment(string incidentId)
    {
        await using var server = await LoopbackServer.StartAsync(201, ReferenceExamples.CreatedResponse);
        using var apiClient = new DatadogGen.ApiClient(LoopbackConfiguration(server));

        await new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentAsync(incidentId, MinimalRequest());

        var segments = server.SingleRequest.RawTarget.Split('/');
        Assert.Equal(["", "api", "v2", "incidents", segments[4], "attachments", "postmortems"], segments);
        Assert.Equal(incidentId, Uri.UnescapeDataString(segments[4]));
    }

    [Fact]
    public async Task WithHttpInfoReturnsStatusAndHeaders()
    {
        await using var server = await LoopbackServer.StartAsync(201, ReferenceExamples.CreatedResponse, ("X-RateLimit-Remaining", "41"));
        using var apiClient = new DatadogGen.ApiClient(LoopbackConfiguration(server));

        var response = await new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentWithHttpInfoAsync(IncidentId, MinimalRequest());

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(["41"], response.Headers["x-ratelimit-remaining"]);
        Assert.Equal("00000000-abcd-0002-0000-000000000000", response.Data.Data!.Id);
    }

    internal static DatadogGen.Configuration LoopbackConfiguration(LoopbackServer server, bool enableUnstable = true)
    {
        var configuration = new DatadogGen.Configuration
        {
            BaseAddress = server.BaseAddress,
            ApiKey = "test-api-key",
            ApplicationKey = "test-app-key",
        };
        configuration.SetUnstableOperationEnabled("v2.CreateIncidentPostmortemAttachment", enableUnstable);
        return configuration;
    }

    internal static PostmortemAttachmentRequest MinimalRequest() => new()
    {
        Data = new PostmortemAttachmentRequestData
        {
            Attributes = new PostmortemAttachmentRequestAttributes { Title = "t" },
            Type = IncidentAttachmentType.IncidentAttachments,
        },
    };

    internal static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> JsonTypeInfo<T>() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DatadogJson.Options.GetTypeInfo(typeof(T));
}
