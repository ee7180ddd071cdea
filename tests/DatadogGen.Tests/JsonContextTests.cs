using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using DatadogGen.Tests.Client;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>
/// DatadogJson.Default, the generated JsonSerializerContext: one JsonTypeInfo per type the API methods take or
/// return, the reference bodies through the public JsonSerializer path. This project turns reflection-based JSON
/// off, so any fallback to it would throw here.
/// </summary>
public class JsonContextTests
{
    [Fact]
    public void TheReferenceRequestAndResponseRoundTripThroughTheContextsProperties()
    {
        PostmortemAttachmentRequest request = JsonSerializer.Deserialize(ReferenceExamples.Request, DatadogJson.Default.PostmortemAttachmentRequest)!;
        JsonAssert.Equivalent(ReferenceExamples.Request, JsonSerializer.Serialize(request, DatadogJson.Default.PostmortemAttachmentRequest));

        Attachment attachment = JsonSerializer.Deserialize(ReferenceExamples.CreatedResponse, DatadogJson.Default.Attachment)!;
        Assert.Equal("00000000-abcd-0002-0000-000000000000", attachment.Data!.Id);
        JsonAssert.Equivalent(ReferenceExamples.CreatedResponse, JsonSerializer.Serialize(attachment, DatadogJson.Default.Attachment));
    }

    [Fact]
    public void ErrorModelsHavePropertiesToo()
    {
        JSONAPIErrorResponse errors = JsonSerializer.Deserialize(ReferenceExamples.BadRequestResponse, DatadogJson.Default.JSONAPIErrorResponse)!;

        Assert.NotEmpty(errors.Errors);
        Assert.Same(DatadogJson.Default.APIErrorResponse, DatadogJson.Default.APIErrorResponse);
    }

    [Fact]
    public void TheContextIsTheResolverOfDatadogJsonOptionsAndOfOptionsOfYourOwn()
    {
        JsonSerializerContext context = DatadogJson.Default;
        Assert.Same(DatadogJson.Options, context.Options);
        Assert.Same(DatadogJson.Default, DatadogJson.Options.TypeInfoResolver);
        Assert.True(DatadogJson.Options.IsReadOnly);

        // Any generated type and lists and maps of one resolve, not only the properties' types.
        Assert.NotNull(DatadogJson.Default.GetTypeInfo(typeof(PostmortemCell)));
        Assert.NotNull(DatadogJson.Default.GetTypeInfo(typeof(List<Attachment>)));
        Assert.NotNull(DatadogJson.Default.GetTypeInfo(typeof(Dictionary<string, PostmortemCellType>)));

        var indented = new JsonSerializerOptions { TypeInfoResolver = DatadogJson.Default, WriteIndented = true };
        var cell = new PostmortemCellDefinition { Content = "## Summary" };
        Assert.Equal("{\n  \"content\": \"## Summary\"\n}", JsonSerializer.Serialize(cell, indented).ReplaceLineEndings("\n"));
    }
}
