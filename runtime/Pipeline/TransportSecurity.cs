using System;
using System.Net;

namespace DatadogGen.Pipeline;

/// <summary>
/// Keeps keys off plain-http connections that leave the machine: http is allowed to loopback (a local proxy, a
/// test server) and elsewhere only after <see cref="Configuration.AllowInsecureHttp"/>.
/// </summary>
internal static class TransportSecurity
{
    /// <summary>Fails, before any I/O, a call that would send its keys in clear text over the network.</summary>
    public static void ThrowIfInsecure(string operationName, ServerEndpoint endpoint, bool allowInsecureHttp)
    {
        if (!endpoint.IsPlainHttpOffMachine || allowInsecureHttp)
        {
            return;
        }

        throw new InvalidOperationException(
            $"{operationName}: refusing to send a request over plain http to '{endpoint.Host}', which is not a " +
            "loopback address: the Datadog keys would cross the network unencrypted. Use https, or set " +
            "Configuration.AllowInsecureHttp = true when the path to that host is trusted (e.g. a sidecar proxy).");
    }

    /// <summary>True for <c>localhost</c>, 127.0.0.0/8 and ::1 (also IPv4-mapped): names that never leave the host.</summary>
    public static bool IsLoopback(Uri address)
    {
        if (address.HostNameType == UriHostNameType.Dns)
        {
            return address.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase);
        }

        if (!IPAddress.TryParse(address.IdnHost, out IPAddress? ip))
        {
            return false;
        }

        return IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);
    }
}
