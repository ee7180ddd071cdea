using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// Modes: <c>server</c> (the loopback server child), <c>load</c> (the load run), <c>verify</c> (checks that every
/// variant reads and writes the same data), otherwise BenchmarkDotNet's switcher (e.g. <c>--filter *Serializer*</c>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "server":
                return await LoopbackServer.RunAsChildAsync();
            case "load":
                return await LoadRun.RunAsync(args[1..]);
            case "profile":
                return await Profile.RunAsync(args[1..]);
            case "verify":
                return await Verify.RunAsync();
        }

        // BenchmarkDotNet runs each benchmark in a child process that inherits this variable: one server
        // process for the whole run, outside the measured process.
        using ServerProcess server = ServerProcess.Start();
        Environment.SetEnvironmentVariable(LoopbackServer.ServerAddressVariable, server.Address.ToString());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
