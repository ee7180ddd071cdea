using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// The generated client's way into a replay session without any test hook in the runtime: ApiClient accepts an
/// HttpClient, and this handler under it adds the session header to every request and notes what the replay
/// server answered, so the test can tell a request mismatch (409 from the server) from a recorded 409.
/// </summary>
internal sealed class ReplaySessionHandler(string session) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<ServerAnswer> _answers = [];

    /// <summary>The server's answers since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<ServerAnswer> Answers
    {
        get
        {
            lock (_answers)
            {
                return [.. _answers];
            }
        }
    }

    public void Clear()
    {
        lock (_answers)
        {
            _answers.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(ConformanceServer.SessionHeader, session);
        var response = await base.SendAsync(request, cancellationToken);
        var error = response.Headers.TryGetValues(ConformanceServer.ErrorHeader, out var values) ? values.FirstOrDefault() : null;
        string? body = null;
        if (error is not null)
        {
            // Buffered, so the client still reads the same body after this.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }

        lock (_answers)
        {
            _answers.Add(new ServerAnswer((int)response.StatusCode, error, body));
        }

        return response;
    }
}

/// <summary>
/// One answer of the replay server: its status and, when the server itself objected (request-mismatch,
/// recording-not-found, internal-error), that error and the server's JSON explanation.
/// </summary>
internal sealed record ServerAnswer(int Status, string? TestError, string? TestErrorBody);
