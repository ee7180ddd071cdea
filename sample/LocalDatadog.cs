using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.Sample.Datadog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DatadogGen.Sample;

/// <summary>
/// A local stand-in for Datadog's create-postmortem-attachment endpoint, on 127.0.0.1 and a free port,
/// so the sample runs end to end without an account. It behaves as specs/create-postmortem-attachment.yaml
/// describes: both key headers required, the body checked, a 201 Attachment or a JSON:API error back.
/// </summary>
public sealed class LocalDatadog : IAsyncDisposable
{
    private const string RoutePrefix = "/api/v2/incidents/";
    private const string RouteSuffix = "/attachments/postmortems";
    private const string StandInUserId = "5a3c1f0e-0000-4000-8000-10ca15ad0000";

    // Request and response bodies go through the generated readers and writers; no reflection, AOT-safe.
    private static readonly JsonTypeInfo<PostmortemAttachmentRequest> RequestJson = DatadogJson.Default.PostmortemAttachmentRequest;
    private static readonly JsonTypeInfo<Attachment> AttachmentJson = DatadogJson.Default.Attachment;
    private static readonly JsonTypeInfo<JSONAPIErrorResponse> ErrorJson = DatadogJson.Default.JSONAPIErrorResponse;

    private static int s_lastNotebookId;

    private readonly WebApplication _app;

    private LocalDatadog(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the stand-in listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a stand-in on a free loopback port.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running stand-in; dispose it to stop it.</returns>
    /// <exception cref="IOException">No port could be bound.</exception>
    public static async Task<LocalDatadog> StartAsync(CancellationToken cancellationToken = default)
    {
        // No args and a fixed content root: the stand-in must not pick up the caller's command line or
        // whatever appsettings.json happens to sit in the current directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The sample's own output tells the story; host and Kestrel logs would bury it.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IHostLifetime>(new EmbeddedLifetime());

        WebApplication app = builder.Build();
        app.Run(HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Port 0 means "any free port": the bound address is only known once Kestrel is listening.
        string address = app.Urls.First();
        return new LocalDatadog(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        CancellationToken aborted = context.RequestAborted;

        string? incidentId = MatchRoute(request.Path);
        if (incidentId is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound,
                $"The local stand-in serves only POST {RoutePrefix}{{incident_id}}{RouteSuffix}.", source: null);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, $"{request.Method} is not allowed here; use POST.", source: null);
            return;
        }

        foreach (string header in (string[])["DD-API-KEY", "DD-APPLICATION-KEY"])
        {
            if (string.IsNullOrEmpty(request.Headers[header]))
            {
                await WriteErrorAsync(context, StatusCodes.Status403Forbidden, $"The {header} header is missing.",
                    new JSONAPIErrorItemSource { Header = header });
                return;
            }
        }

        PostmortemAttachmentRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, RequestJson, aborted);
        }
        // A token of the wrong kind (a number for a string) surfaces as a generic JsonException whose inner
        // exception says what was wrong, or as InvalidOperationException.
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            string detail = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"The body is not a valid request: {detail}", source: null);
            return;
        }

        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.", source: null);
            return;
        }

        if (Validate(body) is { } problem)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, problem.Detail,
                new JSONAPIErrorItemSource { Pointer = problem.Pointer });
            return;
        }

        Attachment attachment = CreateAttachment(request, incidentId, body.Data.Attributes.Title ?? "Postmortem");
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, attachment, AttachmentJson, aborted);
    }

    // Kestrel has already decoded the path, except %2F, so an id holding a slash stays in one segment.
    private static string? MatchRoute(PathString path)
    {
        string value = path.Value ?? "";
        if (!value.StartsWith(RoutePrefix, StringComparison.Ordinal) || !value.EndsWith(RouteSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        string id = value[RoutePrefix.Length..^RouteSuffix.Length];
        return id.Length > 0 && !id.Contains('/') ? Uri.UnescapeDataString(id) : null;
    }

    // The checks a real server makes beyond JSON shape, reported with a JSON pointer into the body.
    private static (string Pointer, string Detail)? Validate(PostmortemAttachmentRequest body)
    {
        // The generated reader accepts an explicit null for required properties; the server does not.
        if (body.Data is null)
        {
            return ("/data", "data is required.");
        }

        if (body.Data.Type != IncidentAttachmentType.IncidentAttachments)
        {
            return ("/data/type", $"data.type must be '{IncidentAttachmentType.IncidentAttachments}', not '{body.Data.Type}'.");
        }

        if (body.Data.Attributes is null)
        {
            return ("/data/attributes", "data.attributes is required.");
        }

        var cells = body.Data.Attributes.Cells ?? [];
        for (int i = 0; i < cells.Count; i++)
        {
            string pointer = $"/data/attributes/cells/{i}";
            if (cells[i] is not { } cell)
            {
                return (pointer, "A cell must be an object.");
            }

            if (string.IsNullOrEmpty(cell.Id))
            {
                return (pointer + "/id", "Every cell needs an id.");
            }

            if (cell.Type != PostmortemCellType.Markdown)
            {
                return (pointer + "/type", $"Cell type must be '{PostmortemCellType.Markdown}', not '{cell.Type?.ToString() ?? "(missing)"}'.");
            }
        }

        return null;
    }

    private static Attachment CreateAttachment(HttpRequest request, string incidentId, string title)
    {
        int notebookId = Interlocked.Increment(ref s_lastNotebookId);
        return new Attachment
        {
            Data = new AttachmentData
            {
                Id = Guid.NewGuid().ToString(),
                Type = IncidentAttachmentType.IncidentAttachments,
                Attributes = new AttachmentDataAttributes
                {
                    Attachment = new AttachmentDataAttributesAttachment
                    {
                        // Shaped like Datadog's notebook links, but on the stand-in's own address.
                        DocumentUrl = $"{request.Scheme}://{request.Host}/notebook/{notebookId}/{Slug(title)}",
                        Title = title,
                    },
                    AttachmentType = AttachmentDataAttributesAttachmentType.Postmortem,
                    Modified = DateTimeOffset.UtcNow,
                },
                Relationships = new AttachmentDataRelationships
                {
                    Incident = new RelationshipToIncident
                    {
                        Data = new RelationshipToIncidentData { Id = incidentId, Type = IncidentType.Incidents },
                    },
                    LastModifiedByUser = new RelationshipToUser
                    {
                        Data = new RelationshipToUserData { Id = StandInUserId, Type = UsersType.Users },
                    },
                },
            },
            Included =
            [
                new IncidentUserData
                {
                    Id = StandInUserId,
                    Type = UsersType.Users,
                    Attributes = new IncidentUserAttributes { Name = "Local stand-in", Handle = "stand-in@localhost", Uuid = StandInUserId },
                },
            ],
        };
    }

    private static string Slug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (char c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string detail, JSONAPIErrorItemSource? source)
    {
        var error = new JSONAPIErrorItem
        {
            Status = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = ReasonPhrases.GetReasonPhrase(status),
            Detail = detail,
        };
        // Assigning null would send "source": null; leaving it unset leaves it out.
        if (source is not null)
        {
            error.Source = source;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new JSONAPIErrorResponse { Errors = [error] }, ErrorJson, context.RequestAborted);
    }

    // The stand-in lives inside another program: Ctrl+C and SIGTERM are that program's to handle, whereas
    // the default console lifetime would take them over and stop the server mid-request.
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
