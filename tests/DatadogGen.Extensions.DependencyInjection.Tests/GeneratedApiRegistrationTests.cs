using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using DatadogGen.Extensions.DependencyInjection.Tests.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using DatadogGen.Testing;

namespace DatadogGen.Extensions.DependencyInjection.Tests;

/// <summary>
/// AddDatadogClient with a generated client in the assembly: settings bound from a configuration section, the
/// generated API classes and their interfaces registered, several organisations side by side; real calls to
/// loopback servers.
/// </summary>
public sealed class GeneratedApiRegistrationTests
{
    private const string Operation = "v2.CreateIncidentPostmortemAttachment";
    private const string Created = """{"data":{"id":"att-1","type":"incident_attachments","attributes":{},"relationships":{}}}""";

    [Fact]
    public async Task ASectionConfiguresTheClientAndTheGeneratedInterfaceResolves()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, Created);
        IConfiguration settings = Settings(new()
        {
            ["Datadog:BaseAddress"] = server.BaseAddress.ToString(),
            ["Datadog:ApiKey"] = "section-api-key-0123456789",
            ["Datadog:ApplicationKey"] = "section-app-key-0123456789",
            ["Datadog:Timeout"] = "12.5",
            ["Datadog:EnableRetry"] = "true",
            ["Datadog:MaxRetries"] = "2",
            ["Datadog:MaxRetryDelay"] = "00:00:20",
            ["Datadog:UserAgentSuffix"] = "incident-bot/1.0",
            ["Datadog:UnstableOperations:0"] = Operation,
        });
        var services = new ServiceCollection();
        services.AddDatadogClient(settings.GetSection("Datadog"));
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        Configuration configuration = provider.GetRequiredService<Configuration>();
        Assert.Equal(TimeSpan.FromSeconds(12.5), configuration.Timeout);
        Assert.True(configuration.EnableRetry);
        Assert.Equal(2, configuration.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(20), configuration.MaxRetryDelay);
        Assert.True(configuration.IsUnstableOperationEnabled(Operation));
        Assert.IsType<IncidentsApi>(provider.GetRequiredService<IIncidentsApi>());

        Attachment attachment = await provider.GetRequiredService<IIncidentsApi>().CreateIncidentPostmortemAttachmentAsync("incident-1", Body());

        Assert.Equal("att-1", attachment.Data!.Id);
        Assert.Equal("section-api-key-0123456789", server.SingleRequest.Headers["DD-API-KEY"]);
        Assert.EndsWith(" incident-bot/1.0", server.SingleRequest.Headers["User-Agent"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOrganisationsAreKeyedClientsWithTheirOwnKeysAndServers()
    {
        await using LoopbackServer first = await LoopbackServer.StartAsync(201, Created);
        await using LoopbackServer second = await LoopbackServer.StartAsync(201, Created);
        IConfiguration settings = Settings(new()
        {
            ["Datadog:OrgA:BaseAddress"] = first.BaseAddress.ToString(),
            ["Datadog:OrgA:ApiKey"] = "org-a-api-key-0123456789",
            ["Datadog:OrgB:BaseAddress"] = second.BaseAddress.ToString(),
            ["Datadog:OrgB:ApiKey"] = "org-b-api-key-0123456789",
        });
        var services = new ServiceCollection();
        services.AddDatadogClient("org-a", settings.GetSection("Datadog:OrgA"), c => c.SetUnstableOperationEnabled(Operation, true));
        services.AddDatadogClient("org-b", settings.GetSection("Datadog:OrgB"), c => c.SetUnstableOperationEnabled(Operation, true));
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredKeyedService<IIncidentsApi>("org-a").CreateIncidentPostmortemAttachmentAsync("incident-a", Body());
        await provider.GetRequiredKeyedService<IncidentsApi>("org-b").CreateIncidentPostmortemAttachmentAsync("incident-b", Body());

        Assert.Equal("org-a-api-key-0123456789", first.SingleRequest.Headers["DD-API-KEY"]);
        Assert.Contains("incident-a", first.SingleRequest.RawTarget, StringComparison.Ordinal);
        Assert.Equal("org-b-api-key-0123456789", second.SingleRequest.Headers["DD-API-KEY"]);
        Assert.Contains("incident-b", second.SingleRequest.RawTarget, StringComparison.Ordinal);
        Assert.NotSame(
            provider.GetRequiredKeyedService<Configuration>("org-a"), provider.GetRequiredKeyedService<Configuration>("org-b"));
    }

    [Fact]
    public async Task AProxyFromTheSectionCarriesTheCalls()
    {
        // The "proxy" is a loopback server: a forward proxy receives the absolute URI of the real target.
        await using LoopbackServer proxy = await LoopbackServer.StartAsync(201, Created);
        IConfiguration settings = Settings(new()
        {
            ["Datadog:BaseAddress"] = "http://datadog.proxied.invalid/",
            ["Datadog:AllowInsecureHttp"] = "true",
            ["Datadog:Proxy"] = proxy.BaseAddress.ToString(),
            ["Datadog:UnstableOperations:0"] = Operation,
        });
        var services = new ServiceCollection();
        services.AddDatadogClient(settings.GetSection("Datadog"));
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredService<IIncidentsApi>().CreateIncidentPostmortemAttachmentAsync("incident-p", Body());

        Assert.Equal("http://datadog.proxied.invalid/api/v2/incidents/incident-p/attachments/postmortems", proxy.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task ABadValueNamesItsKey()
    {
        IConfiguration settings = Settings(new() { ["Datadog:Timeout"] = "soon" });
        var services = new ServiceCollection();
        services.AddDatadogClient(settings.GetSection("Datadog"));
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        FormatException ex = Assert.Throws<FormatException>(() => provider.GetRequiredService<Configuration>());

        Assert.StartsWith("The Datadog setting 'Datadog:Timeout' could not be read", ex.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static PostmortemAttachmentRequest Body() => new()
    {
        Data = new PostmortemAttachmentRequestData
        {
            Attributes = new PostmortemAttachmentRequestAttributes { Cells = [], Title = "IR-1" },
            Type = IncidentAttachmentType.IncidentAttachments,
        },
    };
}
