using System;
using System.Threading.Tasks;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// One replay server for the conformance tests of a class, started on first use rather than in the constructor:
/// xunit builds class fixtures even when every test is skipped (a clone without ../shared/), and then nothing
/// must be started. A failed start (python3 missing) is kept and fails every test that asks.
/// </summary>
public sealed class ConformanceServerFixture : IDisposable
{
    private readonly Lazy<Task<ConformanceServer>> _server =
        new(() => ConformanceServer.StartAsync(ConformanceScenario.ServerScript, ConformanceScenario.ServerDatabase));

    internal Task<ConformanceServer> GetAsync() => _server.Value;

    public void Dispose()
    {
        if (_server.IsValueCreated && _server.Value.IsCompletedSuccessfully)
        {
            _server.Value.Result.Dispose();
        }
    }
}
