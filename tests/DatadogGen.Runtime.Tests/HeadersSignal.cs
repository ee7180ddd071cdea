using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen.Runtime.Tests;

/// <summary>A handler that tells the test server when the client has the response headers in hand.</summary>
internal sealed class HeadersSignal : DelegatingHandler
{
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeadersSignal()
        : base(new SocketsHttpHandler())
    {
    }

    public Task Received => _received.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        _received.TrySetResult();
        return response;
    }
}
