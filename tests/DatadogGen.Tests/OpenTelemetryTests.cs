using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using DatadogGen.Testing;
using DatadogGen.Tests.Client;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace DatadogGen.Tests;

/// <summary>
/// The generated client under the OpenTelemetry SDK, as a user collects it: AddSource/AddMeter with the names in
/// ApiTelemetry, exported in memory, a real call to a loopback Kestrel server.
/// </summary>
public class OpenTelemetryTests
{
    private const string ApiKey = "otel-test-api-key-0123456789abcdef";
    private const string ApplicationKey = "otel-test-application-key-0123456789abcdef";

    [Fact]
    public async Task TheCallIsExportedAsAClientSpanAndADurationWithNoKeyAnywhere()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(ApiTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build();
        var meter = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ApiTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        await using var server = await LoopbackServer.StartAsync(201, ReferenceExamples.CreatedResponse);
        var configuration = new Configuration { BaseAddress = server.BaseAddress, ApiKey = ApiKey, ApplicationKey = ApplicationKey };
        configuration.SetUnstableOperationEnabled("v2.CreateIncidentPostmortemAttachment", true);
        using var apiClient = new ApiClient(configuration);

        await new IncidentsApi(apiClient).CreateIncidentPostmortemAttachmentAsync("incident-7", new PostmortemAttachmentRequest
        {
            Data = new PostmortemAttachmentRequestData
            {
                Attributes = new PostmortemAttachmentRequestAttributes { Cells = [], Title = "IR-7" },
                Type = IncidentAttachmentType.IncidentAttachments,
            },
        });
        // Other tests' calls are exported too, from their threads: stop both providers (which flushes them)
        // before the lists are read, so nothing is added while they are enumerated.
        meter.ForceFlush();
        meter.Dispose();
        tracer.Dispose();

        // Other tests call the same operation in parallel: this call is the one to this test's server.
        Activity span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), server.BaseAddress.Port));
        Assert.Equal("POST /api/v2/incidents/{incident_id}/attachments/postmortems", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal("/api/v2/incidents/{incident_id}/attachments/postmortems", span.GetTagItem("url.template"));
        Assert.Equal(201, span.GetTagItem("http.response.status_code"));
        Assert.Equal("v2.CreateIncidentPostmortemAttachment", span.GetTagItem(ApiTelemetry.OperationTag));

        // Cumulative snapshots: the last one that has this test's point holds its count.
        MetricSnapshot duration = metrics.Last(m => m.Name == ApiTelemetry.RequestDurationName);
        Assert.Equal("s", duration.Unit);
        var points = duration.MetricPoints;
        MetricPoint ours = Assert.Single(points, point => Tags(point).Contains($"server.port={server.BaseAddress.Port}"));
        Assert.Equal(1, ours.GetHistogramCount());
        Assert.True(ours.GetHistogramSum() > 0);
        Assert.Contains("datadoggen.operation=v2.CreateIncidentPostmortemAttachment", Tags(ours));
        Assert.Contains("http.response.status_code=201", Tags(ours));

        var exported = span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}").Concat(points.SelectMany(Tags)).Append(span.DisplayName).ToList();
        Assert.DoesNotContain(exported, text => text.Contains(ApiKey) || text.Contains(ApplicationKey) || text.Contains("incident-7"));
    }

    private static List<string> Tags(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            tags.Add($"{tag.Key}={tag.Value}");
        }

        return tags;
    }
}
