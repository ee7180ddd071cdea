using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;

namespace DatadogGen;

/// <summary>
/// Where and how a client talks to Datadog: the site, the keys, which unstable operations may be called, and
/// how calls behave on the wire (retries, timeout, compression, logging; see the other parts of this class).
/// </summary>
/// <remarks>
/// A new instance reads <c>DD_SITE</c>, <c>DD_API_KEY</c> and <c>DD_APP_KEY</c> from the environment, like
/// Datadog's official clients do. <see cref="ToString"/> and the debugger view never show key values.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class Configuration
{
    private const string DefaultSite = "datadoghq.com";

    private static readonly ReadOnlyCollection<string> Sites = Array.AsReadOnly(
    [
        "datadoghq.com",
        "us3.datadoghq.com",
        "us5.datadoghq.com",
        "datadoghq.eu",
        "ap1.datadoghq.com",
        "ap2.datadoghq.com",
        "ddog-gov.com",
        "us2.ddog-gov.com",
    ]);

    // Replaced, never changed, when an operation is enabled or disabled: every call of an unstable operation
    // reads it, and reading a published set needs no lock while many calls run at once.
    private volatile HashSet<string> _enabledUnstableOperations = new(StringComparer.Ordinal);
    private readonly Lock _enabledLock = new();
    private string _site = DefaultSite;
    private Uri? _baseAddress;
    private string? _apiKey;
    private string? _applicationKey;
    private string? _accessToken;

    /// <summary>
    /// Creates a configuration from the environment: <c>DD_SITE</c> (default <c>datadoghq.com</c>),
    /// <c>DD_API_KEY</c> and <c>DD_APP_KEY</c>. Unset or empty variables are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A variable holds a value that the matching property rejects.</exception>
    public Configuration()
    {
        string? site = ReadEnvironment("DD_SITE");
        if (site is not null)
        {
            _site = ValidateSite(site, "The environment variable DD_SITE holds ", paramName: null);
        }

        _apiKey = ValidateKey(ReadEnvironment("DD_API_KEY"), "DD_API_KEY", paramName: null);
        _applicationKey = ValidateKey(ReadEnvironment("DD_APP_KEY"), "DD_APP_KEY", paramName: null);
    }

    /// <summary>The Datadog sites that <see cref="Site"/> accepts, e.g. <c>datadoghq.eu</c>.</summary>
    public static IReadOnlyList<string> KnownSites => Sites;

    /// <summary>The Datadog site (one of <see cref="KnownSites"/>); requests go to <c>https://api.{Site}</c>.</summary>
    /// <exception cref="ArgumentException">The value is not one of <see cref="KnownSites"/>.</exception>
    public string Site
    {
        get => _site;
        set => _site = ValidateSite(value, "Site was set to ", nameof(value));
    }

    /// <summary>
    /// An absolute http(s) address that replaces <c>https://api.{Site}</c>, e.g. a proxy or a test server.
    /// </summary>
    /// <exception cref="ArgumentException">The address is relative, not http(s), or has a query or fragment.</exception>
    public Uri? BaseAddress
    {
        get => _baseAddress;
        set => _baseAddress = ValidateBaseAddress(value);
    }

    /// <summary>The API key, sent as <c>DD-API-KEY</c>.</summary>
    /// <exception cref="ArgumentException">The key contains a control character such as CR or LF.</exception>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? ApiKey
    {
        get => _apiKey;
        set => _apiKey = ValidateKey(value, nameof(ApiKey), nameof(value));
    }

    /// <summary>The application key, sent as <c>DD-APPLICATION-KEY</c>.</summary>
    /// <exception cref="ArgumentException">The key contains a control character such as CR or LF.</exception>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? ApplicationKey
    {
        get => _applicationKey;
        set => _applicationKey = ValidateKey(value, nameof(ApplicationKey), nameof(value));
    }

    /// <summary>
    /// An OAuth access token, sent as <c>Authorization: Bearer</c> to the operations whose security accepts
    /// OAuth (Datadog's <c>AuthZ</c> scheme).
    /// </summary>
    /// <exception cref="ArgumentException">The token contains a control character such as CR or LF.</exception>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? AccessToken
    {
        get => _accessToken;
        set => _accessToken = ValidateKey(value, nameof(AccessToken), nameof(value));
    }

    /// <summary>Allows or forbids calls to one unstable operation, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</summary>
    /// <param name="operation">The operation name: API version, a dot, the operation id.</param>
    /// <param name="enabled">Whether calls are allowed.</param>
    /// <exception cref="ArgumentException">No generated client registered an unstable operation of that name.</exception>
    public void SetUnstableOperationEnabled(string operation, bool enabled)
    {
        UnstableOperationRegistry.ThrowIfUnknown(operation);
        lock (_enabledLock)
        {
            var next = new HashSet<string>(_enabledUnstableOperations, StringComparer.Ordinal);
            if (enabled)
            {
                next.Add(operation);
            }
            else
            {
                next.Remove(operation);
            }

            _enabledUnstableOperations = next;
        }
    }

    /// <summary>Tells whether calls to an unstable operation are allowed; they are not by default.</summary>
    /// <param name="operation">The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</param>
    /// <returns><see langword="true"/> when <see cref="SetUnstableOperationEnabled"/> enabled it.</returns>
    /// <exception cref="ArgumentException">No generated client registered an unstable operation of that name.</exception>
    public bool IsUnstableOperationEnabled(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        // Only a registered name can have been enabled, so the registry is asked only about the others.
        if (_enabledUnstableOperations.Contains(operation))
        {
            return true;
        }

        UnstableOperationRegistry.ThrowIfUnknown(operation);
        return false;
    }

    /// <summary>The address requests are sent to: <see cref="BaseAddress"/> when set, else <c>https://api.{Site}</c>.</summary>
    /// <returns>An absolute URI.</returns>
    public Uri ResolveBaseAddress() => ResolveBaseAddress("api");

    /// <summary>
    /// The address of a Datadog host on the configured site: <see cref="BaseAddress"/> when set, else
    /// <c>https://{subdomain}.{Site}</c> (intake operations use subdomains such as <c>http-intake.logs</c>).
    /// </summary>
    /// <param name="subdomain">The host's subdomain, <c>api</c> for most operations.</param>
    /// <returns>The absolute base address.</returns>
    public Uri ResolveBaseAddress(string subdomain)
    {
        if (_baseAddress is { } baseAddress)
        {
            return baseAddress;
        }

        // Every call asks; the answer changes only with Site, so the last one is kept.
        ResolvedAddress? last = _lastResolved;
        if (last is not null && last.Subdomain == subdomain && last.Site == _site)
        {
            return last.Address;
        }

        var resolved = new ResolvedAddress(_site, subdomain, new Uri("https://" + subdomain + "." + _site + "/", UriKind.Absolute));
        _lastResolved = resolved;
        return resolved.Address;
    }

    private ResolvedAddress? _lastResolved;

    // The settings the last call started with; the next call reuses them while they still match.
    private volatile CallSettings? _lastCallSettings;

    internal CallSettings? LastCallSettings
    {
        get => _lastCallSettings;
        set => _lastCallSettings = value;
    }

    private sealed record ResolvedAddress(string Site, string Subdomain, Uri Address);

    /// <summary>Records the unstable operations of a generated client; called from its module initializer.</summary>
    /// <param name="operations">Operation names such as <c>v2.CreateIncidentPostmortemAttachment</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void RegisterUnstableOperations(params string[] operations) =>
        UnstableOperationRegistry.Register(operations);

    /// <summary>
    /// Fails, before any I/O, a call to an unstable operation that has not been enabled. An enabled one is
    /// reported to <see cref="Log"/> at <see cref="ApiLogLevel.Debug"/> the first time only (per operation and
    /// configuration): Datadog's clients warn on every call, which their users found noisy.
    /// </summary>
    /// <param name="operation">The operation name, e.g. <c>v2.CreateIncidentPostmortemAttachment</c>.</param>
    /// <exception cref="UnstableOperationDisabledException">The operation is not enabled.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void ThrowIfUnstableOperationDisabled(string operation)
    {
        if (!IsUnstableOperationEnabled(operation))
        {
            throw new UnstableOperationDisabledException(operation);
        }

        LogUnstableNoticeOnce(operation);
    }

    /// <summary>Describes the configuration; keys appear only as "set" or "not set".</summary>
    /// <returns>A one-line description without secrets.</returns>
    public override string ToString()
    {
        int enabledCount = _enabledUnstableOperations.Count;

        return $"Configuration {{ Site = {_site}, BaseAddress = {_baseAddress?.ToString() ?? "(none)"}, " +
               $"ApiKey = {Describe(_apiKey)}, ApplicationKey = {Describe(_applicationKey)}, AccessToken = {Describe(_accessToken)}, " +
               $"EnabledUnstableOperations = {enabledCount}, {DescribeTransport()} }}";
    }

    private static string Describe(string? key) => key is null ? "not set" : "set";

    // An empty variable is how shells and CI systems usually "unset" a value, so treat it as absent.
    private static string? ReadEnvironment(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string ValidateSite(string? site, string origin, string? paramName)
    {
        ArgumentNullException.ThrowIfNull(site, paramName ?? "DD_SITE");
        foreach (string known in Sites)
        {
            // Sites are DNS names, so case does not matter; keep the canonical spelling.
            if (string.Equals(known, site, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        throw new ArgumentException(
            $"{origin}'{site}', which is not a known Datadog site. Known sites: {string.Join(", ", Sites)}. " +
            "To send requests to another host (a proxy, a test server), set BaseAddress instead.",
            paramName);
    }

    private static Uri? ValidateBaseAddress(Uri? address)
    {
        if (address is null)
        {
            return null;
        }

        bool isHttp = address.IsAbsoluteUri && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps);
        // A query or fragment would end up in the middle of every request URI.
        if (!isHttp || address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"BaseAddress must be an absolute http or https URI without query or fragment; got '{address}'.",
                "value");
        }

        return address;
    }

    // Keys travel in HTTP headers, where CR/LF would let a value inject further headers. The message never
    // quotes the value: it is a secret.
    private static string? ValidateKey(string? key, string source, string? paramName)
    {
        if (key is not null && HeaderValue.ContainsControlCharacter(key))
        {
            throw new ArgumentException(
                $"The key in {source} contains a control character (such as CR or LF), which an HTTP header " +
                "cannot carry. Check for a trailing newline.",
                paramName);
        }

        return key;
    }
}
