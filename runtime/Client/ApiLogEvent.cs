using System;
using System.Collections;
using System.Collections.Generic;

namespace DatadogGen;

/// <summary>
/// One thing the client logged: an id and a name per kind of event, its level, the text, and the named values the
/// text was made of (<see cref="Fields"/>). It is also the list of those values with <c>{OriginalFormat}</c> last,
/// the state shape Microsoft.Extensions.Logging providers read structured fields from. Values never hold a key or
/// token: configured key values are masked with <c>***</c> in the text and in every string value.
/// </summary>
public sealed class ApiLogEvent : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    internal ApiLogEvent(int id, string name, ApiLogLevel level, string messageTemplate, string message, KeyValuePair<string, object?>[] fields)
    {
        Id = id;
        Name = name;
        Level = level;
        MessageTemplate = messageTemplate;
        Message = message;
        _fields = fields;
    }

    /// <summary>The event id, one per kind of event (<see cref="ApiLogEvents"/>).</summary>
    public int Id { get; }

    /// <summary>The event name, e.g. <c>RetryScheduled</c>.</summary>
    public string Name { get; }

    /// <summary>How much it matters.</summary>
    public ApiLogLevel Level { get; }

    /// <summary>The text with its placeholders, e.g. <c>{Operation}: {Outcome}; retry {Retry} of {MaxRetries} in {Delay}.</c></summary>
    public string MessageTemplate { get; }

    /// <summary>The text, placeholders filled in.</summary>
    public string Message { get; }

    /// <summary>The named values, in the order of the template.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <inheritdoc/>
    public int Count => _fields.Length + 1;

    /// <inheritdoc/>
    public KeyValuePair<string, object?> this[int index] =>
        index == _fields.Length ? new("{OriginalFormat}", MessageTemplate) : _fields[index];

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int index = 0; index < Count; index++)
        {
            yield return this[index];
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => Message;

    /// <summary>Fills the template's placeholders, in order, with the values; masks keys in strings.</summary>
    internal static ApiLogEvent Create(
        int id, string name, ApiLogLevel level, string template, SecretRedactor redactor, ReadOnlySpan<(string Name, object? Value)> values)
    {
        var fields = new KeyValuePair<string, object?>[values.Length];
        var message = new System.Text.StringBuilder(template.Length + 32);
        int position = 0;
        for (int index = 0; index < values.Length; index++)
        {
            object? value = values[index].Value is string text ? redactor.Redact(text) : values[index].Value;
            fields[index] = new(values[index].Name, value);
            string placeholder = "{" + values[index].Name + "}";
            int at = template.IndexOf(placeholder, position, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            message.Append(template, position, at - position).Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            position = at + placeholder.Length;
        }

        message.Append(template, position, template.Length - position);
        return new ApiLogEvent(id, name, level, template, redactor.Redact(message.ToString()), fields);
    }
}

/// <summary>The kinds of <see cref="ApiLogEvent"/>, by id.</summary>
public static class ApiLogEvents
{
    /// <summary>Debug: an attempt is being sent (<c>Operation</c>, <c>Method</c>, <c>Endpoint</c>, <c>Attempt</c>).</summary>
    public const int AttemptSending = 1;

    /// <summary>Debug: an attempt got its whole response (<c>Operation</c>, <c>Status</c>, <c>StatusCode</c>, <c>ElapsedMilliseconds</c>, <c>Attempt</c>).</summary>
    public const int AttemptCompleted = 2;

    /// <summary>Information: a retry is scheduled (<c>Operation</c>, <c>Outcome</c>, <c>Retry</c>, <c>MaxRetries</c>, <c>Delay</c>).</summary>
    public const int RetryScheduled = 3;

    /// <summary>Warning: a call failed after retries or was not retried (<c>Operation</c>, <c>Outcome</c>, <c>Attempts</c>, <c>Reason</c>).</summary>
    public const int CallFailed = 4;

    /// <summary>Debug: the first call of an unstable operation (<c>Operation</c>).</summary>
    public const int UnstableOperationCalled = 5;
}
