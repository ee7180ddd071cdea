using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.StandIn;

// dotnet run --project standin [-- --port 5080]: serves until Ctrl+C.
int port = args is ["--port", var value] ? int.Parse(value, CultureInfo.InvariantCulture) : IncidentStandIn.DefaultPort;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

IncidentStandIn standIn;
try
{
    standIn = await IncidentStandIn.StartAsync(port);
}
catch (IOException ex)
{
    // Kestrel reports a port it cannot bind as an IOException.
    Console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{port} ({ex.Message}); choose another port with --port <number>.");
    return 1;
}

await using var stopOnExit = standIn;
Console.WriteLine($"Datadog stand-in for the Incidents API listening on {standIn.BaseAddress} ({IncidentStandIn.SeededIncidents} incidents); Ctrl+C stops it.");
Console.WriteLine("It accepts any DD-API-KEY and DD-APPLICATION-KEY, but both must be sent.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;
