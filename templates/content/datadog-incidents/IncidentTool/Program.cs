using DatadogGen;
using IncidentTool.Datadog;

var configuration = new Configuration();   // reads DD_SITE, DD_API_KEY and DD_APP_KEY
if (configuration.ApiKey is null)
{
    // No keys: talk to the local stand-in (dotnet run --project standin, in the DatadogGen clone).
    configuration.BaseAddress = new Uri(Environment.GetEnvironmentVariable("DATADOG_STAND_IN") ?? "http://127.0.0.1:5080/");
    configuration.ApiKey = "stand-in";
    configuration.ApplicationKey = "stand-in";
}

// Every Incidents operation is unstable (public beta) in Datadog's spec: enable each one by name.
foreach (var operation in new[] { "v2.ListIncidents", "v2.GetIncident", "v2.UpdateIncident", "v2.CreateIncidentPostmortemAttachment" })
{
    configuration.SetUnstableOperationEnabled(operation, true);
}

using var apiClient = new ApiClient(configuration);
IIncidentsApi incidents = new IncidentsApi(apiClient);

try
{
    // 1. List every incident: the pagination method asks for page after page until the last.
    var all = new List<IncidentResponseData>();
    await foreach (IncidentResponseData incident in incidents.ListIncidentsWithPaginationAsync())
    {
        all.Add(incident);
    }

    Console.WriteLine($"{all.Count} incidents");
    if (all.Count == 0)
    {
        return 0;
    }

    // 2. Read one.
    string id = all[0].Id;
    IncidentResponse read = await incidents.GetIncidentAsync(id);
    Console.WriteLine($"Incident {read.Data.Attributes?.PublicId}: {read.Data.Attributes?.Title}");

    // 3. Update its title.
    var update = new IncidentUpdateRequest
    {
        Data = new IncidentUpdateData
        {
            Id = id,
            Type = IncidentType.Incidents,
            Attributes = new IncidentUpdateAttributes { Title = read.Data.Attributes?.Title + " (reviewed)" },
        },
    };
    IncidentResponse updated = await incidents.UpdateIncidentAsync(id, update);
    Console.WriteLine($"Renamed to: {updated.Data.Attributes?.Title}");

    // 4. Attach a postmortem written in Markdown.
    var postmortem = new PostmortemAttachmentRequest
    {
        Data = new PostmortemAttachmentRequestData
        {
            Type = IncidentAttachmentType.IncidentAttachments,
            Attributes = new PostmortemAttachmentRequestAttributes
            {
                Title = "Postmortem: " + updated.Data.Attributes?.Title,
                Cells =
                [
                    new PostmortemCell
                    {
                        Id = "summary",
                        Type = PostmortemCellType.Markdown,
                        Attributes = new PostmortemCellAttributes
                        {
                            Definition = new PostmortemCellDefinition { Content = "## Summary\nWhat happened, and why." },
                        },
                    },
                ],
            },
        },
    };
    Attachment attachment = await incidents.CreateIncidentPostmortemAttachmentAsync(id, postmortem);
    Console.WriteLine($"Postmortem attached: {attachment.Data?.Attributes?.Attachment?.DocumentUrl}");
    return 0;
}
catch (ApiException e)
{
    // One catch for every failure of a call: an error status, a timeout, a network failure.
    Console.Error.WriteLine(e.Message);
    return 1;
}
