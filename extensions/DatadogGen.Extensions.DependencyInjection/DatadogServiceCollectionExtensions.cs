using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using DatadogGen;
using DatadogGen.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The namespace of IServiceCollection itself, as Microsoft advises for extension methods: no extra using needed.
namespace Microsoft.Extensions.DependencyInjection;

// Inside this namespace "Configuration" would mean Microsoft.Extensions.Configuration.
using Configuration = DatadogGen.Configuration;

/// <summary>Registers DatadogGen's <see cref="ApiClient"/> with an HttpClient from IHttpClientFactory.</summary>
public static class DatadogServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient that <see cref="ApiClient"/> gets from IHttpClientFactory.</summary>
    public const string HttpClientName = "DatadogGen";

    /// <summary>
    /// Registers <see cref="Configuration"/> (a singleton: environment first, then <paramref name="configure"/>)
    /// and <see cref="ApiClient"/> (transient, over a factory HttpClient that follows no redirects and leaves the
    /// timeout to <see cref="Configuration.Timeout"/>). <see cref="Configuration.Log"/>, unless set by
    /// <paramref name="configure"/>, writes to <c>ILogger&lt;ApiClient&gt;</c>. Generated API classes take an
    /// ApiClient, so <c>services.AddTransient&lt;IncidentsApi&gt;()</c> makes them injectable.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets keys, site, retries and the rest; may be given by several calls, applied in order.</param>
    /// <returns>The HttpClient builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddDatadogClient(this IServiceCollection services, Action<Configuration>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Options give "new Configuration()" (which reads DD_SITE, DD_API_KEY, DD_APP_KEY) plus every configure
        // delegate in order; the ILogger bridge runs after them all and fills only an empty Log.
        OptionsBuilder<Configuration> options = services.AddOptions<Configuration>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<Configuration>, LoggerBridge>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<Configuration>>().Value);

        IHttpClientBuilder builder = services.AddHttpClient(HttpClientName);
        builder.AddTypedClient(static (httpClient, provider) => new ApiClient(provider.GetRequiredService<Configuration>(), httpClient));
        return builder
            // Configuration.Timeout bounds each attempt; the factory's 100 s default would cut across it.
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // The factory's default handler follows redirects, which would carry DD-API-KEY to any host.
                AllowAutoRedirect = false,
                // ApiClient decompresses itself, the same for every HttpClient.
                AutomaticDecompression = DecompressionMethods.None,
            })
            // The factory logs request headers at Trace level; keys must never be among them.
            .RedactLoggedHeaders(static _ => true);
    }
}
