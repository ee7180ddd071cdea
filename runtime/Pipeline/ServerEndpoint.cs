using System;
using System.Collections.Concurrent;

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
    /// The endpoints one client sends to: one base address or a few (the API and intake hosts), each worked out on
    /// its first call. Held by the client, so what it keeps goes with it.
    /// </summary>
    internal sealed class Cache
    {
        // Bounds what a client keeps whose base address is replaced again and again.
        private const int MaxEndpoints = 16;

        // By text, not instance: a configuration may hand out a new Uri for the same address.
        private readonly ConcurrentDictionary<string, ServerEndpoint> _byAddress = new(StringComparer.Ordinal);
        private ServerEndpoint? _last;

        public ServerEndpoint Of(Uri address)
        {
            ServerEndpoint? last = _last;
            if (last is not null && ReferenceEquals(last.Address, address))
            {
                return last;
            }

            if (!_byAddress.TryGetValue(address.OriginalString, out last))
            {
                last = new ServerEndpoint(address);
                if (_byAddress.Count < MaxEndpoints)
                {
                    last = _byAddress.GetOrAdd(address.OriginalString, last);
                }
            }

            _last = last;
            return last;
        }
    }
}
