using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DatadogGen.StandIn;

/// <summary>
/// Datadog's Incidents API as far as a first tool needs it, in memory on 127.0.0.1: list incidents a page at a
/// time (<c>page[size]</c>, <c>page[offset]</c>), read one, update its title or customer impact, attach a
/// postmortem. Bodies have the shapes of Datadog's v2 spec; keys are checked for presence, as a wrong key would
/// be by Datadog, and errors come as Datadog sends them (<c>{"errors":[...]}</c>).
/// </summary>
public sealed class IncidentStandIn : IAsyncDisposable
{
    /// <summary>The port <c>dotnet run --project standin</c> listens on.</summary>
    public const int DefaultPort = 5080;

    /// <summary>How many incidents a new stand-in holds: more than one default page (10), so listing pages.</summary>
    public const int SeededIncidents = 23;

    private const string Incidents = "/api/v2/incidents";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _incidents = Seed();
    private int _attachments;

    private IncidentStandIn(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the stand-in listens, e.g. <c>http://127.0.0.1:5080/</c>: the Configuration's BaseAddress.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The id of the first seeded incident, for examples and tests.</summary>
    public static string FirstIncidentId => IncidentId(1);

    /// <summary>Starts a stand-in on 127.0.0.1.</summary>
    /// <param name="port">The port; 0 takes any free one.</param>
    /// <returns>The running stand-in; dispose it to stop it.</returns>
    public static async Task<IncidentStandIn> StartAsync(int port = 0)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        // Ctrl+C belongs to the program that hosts the stand-in (its own Program.cs, or a test).
        builder.Services.AddSingleton<IHostLifetime, HostedLifetime>();
        WebApplication app = builder.Build();
        IncidentStandIn? standIn = null;
        app.Run(context => standIn!.HandleAsync(context));
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        standIn = new IncidentStandIn(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
        return standIn;
    }

    /// <summary>Stops the stand-in.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static string IncidentId(int number) => $"00000000-0000-4000-8000-{number:D12}";

    private static List<JsonObject> Seed() => Enumerable.Range(1, SeededIncidents).Select(number => new JsonObject
    {
        ["id"] = IncidentId(number),
        ["type"] = "incidents",
        ["attributes"] = new JsonObject
        {
            ["public_id"] = number,
            ["title"] = $"Incident {number}: elevated error rate on checkout",
            ["created"] = Timestamp(Start.AddHours(number)),
            ["modified"] = Timestamp(Start.AddHours(number)),
            ["customer_impacted"] = number % 3 == 0,
            ["severity"] = $"SEV-{number % 4 + 1}",
            ["state"] = number % 5 == 0 ? "resolved" : "active",
            ["fields"] = new JsonObject
            {
                ["state"] = new JsonObject { ["type"] = "dropdown", ["value"] = number % 5 == 0 ? "resolved" : "active" },
            },
        },
    }).ToList();

    private static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (string.IsNullOrEmpty(request.Headers["DD-API-KEY"]) || string.IsNullOrEmpty(request.Headers["DD-APPLICATION-KEY"]))
        {
            // What Datadog answers to a missing or wrong key.
            await WriteAsync(context, StatusCodes.Status403Forbidden, new JsonObject { ["errors"] = new JsonArray("Forbidden") });
            return;
        }

        string[] segments = (request.Path.Value ?? "").TrimEnd('/').Split('/');
        // "", "api", "v2", "incidents"[, id[, "attachments", "postmortems"]]
        bool underIncidents = request.Path.StartsWithSegments(Incidents, StringComparison.Ordinal);
        (int Status, JsonObject Body) answer = (underIncidents, segments.Length, request.Method) switch
        {
            (true, 4, "GET") => List(request.Query),
            (true, 5, "GET") => Find(segments[4]) is { } incident ? (200, Single(incident)) : NotFound(segments[4]),
            (true, 5, "PATCH") => Update(segments[4], await ReadBodyAsync(request)),
            (true, 7, "POST") when segments[5] == "attachments" && segments[6] == "postmortems" =>
                AttachPostmortem(request, segments[4], await ReadBodyAsync(request)),
            _ => Error(StatusCodes.Status404NotFound, $"The stand-in does not serve {request.Method} {request.Path}."),
        };
        await WriteAsync(context, answer.Status, answer.Body);
    }

    private (int, JsonObject) List(IQueryCollection query)
    {
        int size = int.TryParse(query["page[size]"], CultureInfo.InvariantCulture, out int s) ? Math.Clamp(s, 1, 100) : 10;
        int offset = int.TryParse(query["page[offset]"], CultureInfo.InvariantCulture, out int o) ? Math.Max(o, 0) : 0;
        lock (_lock)
        {
            var page = new JsonArray(_incidents.Skip(offset).Take(size).Select(incident => (JsonNode)incident.DeepClone()).ToArray());
            return (200, new JsonObject
            {
                ["data"] = page,
                ["included"] = new JsonArray(),
                ["meta"] = new JsonObject
                {
                    ["pagination"] = new JsonObject { ["offset"] = offset, ["size"] = size, ["next_offset"] = offset + size },
                },
            });
        }
    }

    private (int, JsonObject) Update(string id, JsonNode? body)
    {
        if (body?["data"] is not JsonObject data || (string?)data["type"] != "incidents" || (string?)data["id"] != id)
        {
            return Error(StatusCodes.Status400BadRequest, "The body must be {\"data\":{\"id\":<the incident's id>,\"type\":\"incidents\",\"attributes\":{...}}}.");
        }

        lock (_lock)
        {
            if (Find(id) is not { } incident)
            {
                return NotFound(id);
            }

            var attributes = (JsonObject)incident["attributes"]!;
            if (data["attributes"] is JsonObject changes)
            {
                foreach (string name in new[] { "title", "customer_impacted", "customer_impact_scope" })
                {
                    if (changes[name] is { } value)
                    {
                        attributes[name] = value.DeepClone();
                    }
                }
            }

            attributes["modified"] = Timestamp(DateTimeOffset.UtcNow);
            return (200, Single(incident));
        }
    }

    private (int, JsonObject) AttachPostmortem(HttpRequest request, string incidentId, JsonNode? body)
    {
        if (body?["data"] is not JsonObject data || (string?)data["type"] != "incident_attachments"
            || data["attributes"] is not JsonObject attributes || attributes["cells"] is not JsonArray)
        {
            return Error(StatusCodes.Status400BadRequest, "The body must be {\"data\":{\"type\":\"incident_attachments\",\"attributes\":{\"cells\":[...],...}}}.");
        }

        lock (_lock)
        {
            if (Find(incidentId) is null)
            {
                return NotFound(incidentId);
            }

            int number = ++_attachments;
            string title = (string?)attributes["title"] ?? "Postmortem";
            return (201, new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["id"] = $"00000000-0000-4000-a000-{number:D12}",
                    ["type"] = "incident_attachments",
                    ["attributes"] = new JsonObject
                    {
                        ["attachment"] = new JsonObject
                        {
                            ["documentUrl"] = $"{request.Scheme}://{request.Host}/notebook/{number}",
                            ["title"] = title,
                        },
                        ["attachment_type"] = "postmortem",
                        ["modified"] = Timestamp(DateTimeOffset.UtcNow),
                    },
                    ["relationships"] = new JsonObject
                    {
                        ["incident"] = new JsonObject { ["data"] = new JsonObject { ["id"] = incidentId, ["type"] = "incidents" } },
                    },
                },
                ["included"] = new JsonArray(),
            });
        }
    }

    private JsonObject? Find(string id)
    {
        lock (_lock)
        {
            return _incidents.FirstOrDefault(incident => (string?)incident["id"] == id);
        }
    }

    private static JsonObject Single(JsonObject incident) => new() { ["data"] = incident.DeepClone(), ["included"] = new JsonArray() };

    private static (int, JsonObject) NotFound(string id) => Error(StatusCodes.Status404NotFound, $"Incident {id} not found.");

    // JSON:API errors, as Datadog's Incidents endpoints send them.
    private static (int, JsonObject) Error(int status, string detail) => (status, new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["detail"] = detail,
        }),
    });

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
    }

    private sealed class HostedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
