using DatadogGen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DatadogGen.Extensions.DependencyInjection;

/// <summary>
/// Points <see cref="Configuration.StructuredLog"/> at <c>ILogger&lt;ApiClient&gt;</c> (category
/// <c>DatadogGen.ApiClient</c>) unless the application set a log hook of its own: each event keeps its event id
/// and name and its named fields (the state is the <see cref="ApiLogEvent"/>, a list of them with
/// <c>{OriginalFormat}</c>). Events arrive already redacted.
/// </summary>
internal sealed class LoggerBridge(ILogger<ApiClient> logger) : IPostConfigureOptions<Configuration>
{
    public void PostConfigure(string? name, Configuration options)
    {
        if (options.Log is null && options.StructuredLog is null)
        {
            options.StructuredLog = Write;
        }
    }

    private void Write(ApiLogEvent logEvent)
    {
        // ApiLogLevel has LogLevel's numeric values.
        var logLevel = (LogLevel)logEvent.Level;
        if (logger.IsEnabled(logLevel))
        {
            logger.Log(logLevel, new EventId(logEvent.Id, logEvent.Name), logEvent, null, static (state, _) => state.Message);
        }
    }
}
