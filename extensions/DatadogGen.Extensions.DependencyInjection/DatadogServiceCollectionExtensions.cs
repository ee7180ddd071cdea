using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using DatadogGen;
using DatadogGen.Extensions.DependencyInjection;
using DatadogGen.GeneratedCode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The namespace of IServiceCollection itself, as Microsoft advises for extension methods: no extra using needed.
namespace Microsoft.Extensions.DependencyInjection;

// Inside this namespace "Configuration" would mean Microsoft.Extensions.Configuration.
using Configuration = DatadogGen.Configuration;
using IConfiguration = Microsoft.Extensions.Configuration.IConfiguration;

/// <summary>
/// Registers DatadogGen's <see cref="ApiClient"/>, its <see cref="Configuration"/> and the generated API classes
/// with their interfaces, over an HttpClient from IHttpClientFactory; once per Datadog organisation if needed.
/// </summary>
public static class DatadogServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient that the default <see cref="ApiClient"/> gets from IHttpClientFactory.</summary>
    public const string HttpClientName = "DatadogGen";

    /// <summary>
    /// Registers <see cref="Configuration"/> (a singleton: environment first, then <paramref name="configure"/>),
    /// <see cref="ApiClient"/> (transient, over a factory HttpClient that follows no redirects and leaves the
    /// timeout to <see cref="Configuration.Timeout"/>), and every generated API class loaded so far with its
    /// interface (<c>IncidentsApi</c> and <c>IIncidentsApi</c>, transient). Unless <paramref name="configure"/>
    /// sets a log hook, the client logs to <c>ILogger&lt;ApiClient&gt;</c> with event ids and fields.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets keys, site, retries and the rest; may be given by several calls, applied in order.</param>
    /// <returns>The HttpClient builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddDatadogClient(this IServiceCollection services, Action<Configuration> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddNamed(services, Options.Options.DefaultName, section: null, configure);
    }

    /// <summary>As <see cref="AddDatadogClient(IServiceCollection, Action{Configuration})"/>, with the settings of the environment (<c>DD_*</c>) alone.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddDatadogClient(this IServiceCollection services) =>
        AddNamed(services, Options.Options.DefaultName, section: null, configure: null);

    /// <summary>
    /// As <see cref="AddDatadogClient(IServiceCollection, Action{Configuration})"/>, with the settings bound from a
    /// configuration section first (<c>Site</c>, <c>ApiKey</c>, <c>ApplicationKey</c>, <c>AccessToken</c>,
    /// <c>BaseAddress</c>, <c>Timeout</c>, <c>EnableRetry</c>, <c>MaxRetries</c>, <c>BackoffBase</c>,
    /// <c>BackoffMultiplier</c>, <c>MaxRetryDelay</c>, <c>Compress</c>, <c>AllowInsecureHttp</c>,
    /// <c>UserAgentSuffix</c>, <c>Proxy</c>, and <c>UnstableOperations</c>, a list of operation names to enable)
    /// instead of a delegate.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, e.g. <c>builder.Configuration.GetSection("Datadog")</c>.</param>
    /// <returns>The HttpClient builder.</returns>
    /// <remarks>A value in the section that is not of its setting's type throws a <see cref="FormatException"/> naming its key when the configuration is first resolved.</remarks>
    public static IHttpClientBuilder AddDatadogClient(this IServiceCollection services, IConfiguration section) =>
        AddDatadogClient(services, section, static _ => { });

    /// <summary>As <see cref="AddDatadogClient(IServiceCollection, IConfiguration)"/>, then <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, e.g. <c>builder.Configuration.GetSection("Datadog")</c>.</param>
    /// <param name="configure">Applied after the section.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddDatadogClient(this IServiceCollection services, IConfiguration section, Action<Configuration> configure)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddNamed(services, Options.Options.DefaultName, section, configure);
    }

    /// <summary>
    /// Registers a client for one of several Datadog organisations, under <paramref name="name"/>: its
    /// <see cref="Configuration"/>, <see cref="ApiClient"/> and API classes are keyed services
    /// (<c>[FromKeyedServices("org-a")] IIncidentsApi incidents</c>), over an HttpClient of its own named
    /// <c>DatadogGen:{name}</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The organisation's name, the key of its services.</param>
    /// <param name="section">Its settings (see the overload without a name), or null.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddDatadogClient(this IServiceCollection services, string name, IConfiguration? section) =>
        AddDatadogClient(services, name, section, static _ => { });

    /// <summary>As <see cref="AddDatadogClient(IServiceCollection, string, IConfiguration?)"/>, then <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The organisation's name, the key of its services.</param>
    /// <param name="section">Its settings, or null.</param>
    /// <param name="configure">Applied after the section.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddDatadogClient(this IServiceCollection services, string name, IConfiguration? section, Action<Configuration> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AddNamed(services, name, section, configure);
    }

    private static IHttpClientBuilder AddNamed(IServiceCollection services, string name, IConfiguration? section, Action<Configuration>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Options give "new Configuration()" (which reads DD_SITE, DD_API_KEY, DD_APP_KEY), then the section, then
        // every configure delegate in order; the ILogger bridge runs after them all and fills only an empty hook.
        OptionsBuilder<Configuration> options = services.AddOptions<Configuration>(name);
        if (section is not null)
        {
            options.Configure(configuration => ConfigurationBinding.Bind(section, configuration));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<Configuration>, LoggerBridge>());
        bool isDefault = name == Options.Options.DefaultName;
        string httpClientName = isDefault ? HttpClientName : HttpClientName + ":" + name;
        IHttpClientBuilder builder = services.AddHttpClient(httpClientName);
        if (isDefault)
        {
            services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<Configuration>>().Value);
            builder.AddTypedClient(static (httpClient, provider) => new ApiClient(provider.GetRequiredService<Configuration>(), httpClient));
        }
        else
        {
            services.TryAddKeyedSingleton(name, static (provider, key) =>
                provider.GetRequiredService<IOptionsMonitor<Configuration>>().Get((string)key!));
            services.TryAddKeyedTransient(name, (provider, key) => new ApiClient(
                provider.GetRequiredKeyedService<Configuration>(key),
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName)));
        }

        RegisterApis(services, isDefault ? null : name);
        return builder
            // Configuration.Timeout bounds each attempt; the factory's 100 s default would cut across it.
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // The factory's default handler follows redirects, which would carry DD-API-KEY to any host.
                AllowAutoRedirect = false,
                // ApiClient decompresses itself, the same for every HttpClient.
                AutomaticDecompression = DecompressionMethods.None,
                // Null keeps the system proxy (HTTPS_PROXY and friends).
                Proxy = provider.GetRequiredService<IOptionsMonitor<Configuration>>().Get(name).Proxy,
            })
            // The factory logs request headers at Trace level; keys must never be among them.
            .RedactLoggedHeaders(static _ => true);
    }

    // The generated clients register their API classes when their assemblies load (ApiRegistry); a client library
    // that nothing in the application has touched yet is not loaded, see docs/configuration.md.
    private static void RegisterApis(IServiceCollection services, string? key)
    {
        foreach (ApiRegistration api in ApiRegistry.Registrations)
        {
            if (key is null)
            {
                services.TryAdd(ServiceDescriptor.Transient(api.ApiType, provider => api.Create(provider.GetRequiredService<ApiClient>())));
                services.TryAdd(ServiceDescriptor.Transient(api.InterfaceType, provider => provider.GetRequiredService(api.ApiType)));
            }
            else
            {
                services.TryAdd(ServiceDescriptor.KeyedTransient(
                    api.ApiType, key, (provider, serviceKey) => api.Create(provider.GetRequiredKeyedService<ApiClient>(serviceKey))));
                services.TryAdd(ServiceDescriptor.KeyedTransient(
                    api.InterfaceType, key, (provider, serviceKey) => provider.GetRequiredKeyedService(api.ApiType, serviceKey)));
            }
        }
    }
}
