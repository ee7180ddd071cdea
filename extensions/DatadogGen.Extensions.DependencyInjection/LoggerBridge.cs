using DatadogGen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DatadogGen.Extensions.DependencyInjection;

/// <summary>
/// Points <see cref="Configuration.Log"/> at <c>ILogger&lt;ApiClient&gt;</c> (category <c>DatadogGen.ApiClient</c>)
/// unless the application set a hook of its own. Lines arrive already redacted.
/// </summary>
internal sealed class LoggerBridge(ILogger<ApiClient> logger) : IPostConfigureOptions<Configuration>
{
    public void PostConfigure(string? name, Configuration options) => options.Log ??= Write;

    private void Write(ApiLogLevel level, string message)
    {
        // ApiLogLevel has LogLevel's numeric values.
        var logLevel = (LogLevel)level;
        if (logger.IsEnabled(logLevel))
        {
            // The state overload: a message is text, never a template, so braces in it are safe.
            logger.Log(logLevel, default, message, null, static (state, _) => state);
        }
    }
}
