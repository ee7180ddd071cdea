using System;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Configuration = DatadogGen.Configuration;

namespace DatadogGen.Extensions.DependencyInjection;

/// <summary>
/// Reads a configuration section (appsettings.json, environment, Key Vault...) into a <see cref="Configuration"/>,
/// key by key: no reflection, so it works trimmed and under NativeAOT, and a bad value names its key.
/// Absent keys leave what the environment (<c>DD_*</c>) already set.
/// </summary>
internal static class ConfigurationBinding
{
    public static void Bind(IConfiguration section, Configuration target)
    {
        Read(section, "Site", value => target.Site = value);
        Read(section, "ApiKey", value => target.ApiKey = value);
        Read(section, "ApplicationKey", value => target.ApplicationKey = value);
        Read(section, "AccessToken", value => target.AccessToken = value);
        Read(section, "BaseAddress", value => target.BaseAddress = new Uri(value, UriKind.Absolute));
        Read(section, "UserAgentSuffix", value => target.UserAgentSuffix = value);
        Read(section, "Timeout", value => target.Timeout = ParseTimeSpan(value));
        Read(section, "MaxRetryDelay", value => target.MaxRetryDelay = ParseTimeSpan(value));
        Read(section, "EnableRetry", value => target.EnableRetry = bool.Parse(value));
        Read(section, "MaxRetries", value => target.MaxRetries = int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture));
        Read(section, "BackoffBase", value => target.BackoffBase = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        Read(section, "BackoffMultiplier", value => target.BackoffMultiplier = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        Read(section, "Compress", value => target.Compress = bool.Parse(value));
        Read(section, "AllowInsecureHttp", value => target.AllowInsecureHttp = bool.Parse(value));
        Read(section, "Proxy", value => target.Proxy = new WebProxy(new Uri(value, UriKind.Absolute)));
        foreach (IConfigurationSection operation in section.GetSection("UnstableOperations").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(operation.Value))
            {
                target.SetUnstableOperationEnabled(operation.Value.Trim(), true);
            }
        }
    }

    // "00:00:30" as TimeSpan writes it, or a number of seconds ("30", "2.5"), the unit the docs use.
    private static TimeSpan ParseTimeSpan(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Parse(value, CultureInfo.InvariantCulture);

    private static void Read(IConfiguration section, string key, Action<string> apply)
    {
        if (section[key] is not { Length: > 0 } value)
        {
            return;
        }

        try
        {
            apply(value.Trim());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or UriFormatException)
        {
            // Safe to quote: Configuration's setters never repeat a key or token in their messages, and only
            // settings that are not secrets (numbers, times, URIs) are parsed.
            string path = section is IConfigurationSection named ? named.Path + ":" + key : key;
            throw new FormatException($"The Datadog setting '{path}' could not be read: {ex.Message}", ex);
        }
    }
}
