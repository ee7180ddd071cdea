using System;

namespace DatadogGen.Pipeline;

/// <summary>
/// What a call needs from its base address, worked out once per address rather than from each call's
/// <see cref="Uri"/>: the <c>scheme://host/path</c> prefix its path is appended to, the host and port its span and
/// metrics name, and whether plain http to it would leave the machine. Every call's address shares these, as it is
/// the prefix followed by the call's path.
/// </summary>
internal sealed class ServerEndpoint
{
    private ServerEndpoint(Uri address)
    {
        Address = address;
        Prefix = address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        Host = address.Host;
        PortTag = address.Port;
        IsPlainHttpOffMachine = address.Scheme == Uri.UriSchemeHttp && !TransportSecurity.IsLoopback(address);
    }

    /// <summary>The base address these facts are of.</summary>
    public Uri Address { get; }

    /// <summary>The base address without a trailing '/', to which a path starting with '/' is appended.</summary>
    public string Prefix { get; }

    /// <summary>The host, as spans and metrics name it (<c>server.address</c>).</summary>
    public string Host { get; }

    /// <summary>The port, explicit or the scheme's default (<c>server.port</c>), boxed once as tags take it.</summary>
    public object PortTag { get; }

    /// <summary>Plain http to a host that is not loopback: keys sent there would cross the network unencrypted.</summary>
    public bool IsPlainHttpOffMachine { get; }

    /// <summary>
    /// The endpoint of a client's last call, kept while calls go to the same base address (the same instance, as
    /// a configuration hands out). Calls that alternate between an API and an intake host work it out at each
    /// switch, as Configuration.ResolveBaseAddress makes their address again then. Held by the client, so clients
    /// of other addresses do not displace each other's.
    /// </summary>
    internal sealed class Cache
    {
        private ServerEndpoint? _last;

        public ServerEndpoint Of(Uri address)
        {
            ServerEndpoint? last = _last;
            return last is not null && ReferenceEquals(last.Address, address) ? last : _last = new ServerEndpoint(address);
        }
    }
}
