using System;

namespace DatadogGen.Pipeline;

/// <summary>
/// Builds the exceptions a call ends with. Every message names the operation, says what happened and passes
/// through the redactor, so a key echoed back by a server or proxy never reaches a message or a log.
/// </summary>
internal static class ApiFailures
{
    public static ApiException Status(
        ApiRequest request, RawResponse response, ErrorReader? readError, int attempts, string? refusal, SecretRedactor redactor)
    {
        string text = BodyExcerpt.ToText(response.Body);
        string message = $"{request.OperationName} failed{AfterAttempts(attempts)}: {response.Describe()}. {BodyExcerpt.Create(text)}";
        if (refusal is not null)
        {
            message += " " + refusal;
        }

        object? error = TryReadError(response, readError);
        return new ApiException(response.StatusCode, redactor.Redact(message), request.OperationName, response.Headers, text, error);
    }

    public static Exception Failure(ApiRequest request, Uri uri, in Attempt attempt, int attempts, SecretRedactor redactor)
    {
        Exception cause = attempt.Failure!;
        // The URI holds no secrets (keys travel in headers); the query is left out as it may be long.
        string target = $"{request.Method} {uri.GetLeftPart(UriPartial.Authority)}{request.Path}";
        string tries = attempts > 1 ? $" ({attempts} attempts)" : "";
        if (attempt.Timeout is { } timeout)
        {
            string timedOut =
                $"{request.OperationName}: {target} timed out after {TimeText.Seconds(timeout)} ({attempt.TimeoutSource}){tries}.";
            return new ApiTimeoutException(redactor.Redact(timedOut), timeout, request.OperationName, cause);
        }

        string message = attempt.Response is { } head
            ? $"{request.OperationName}: {target} returned {head.Describe()}, but the connection was lost before the whole body arrived{tries}. {Explain(cause)}"
            : $"{request.OperationName}: {target} failed before a complete response arrived{tries}. {Explain(cause)}";
        return new ApiException(
            attempt.Response?.StatusCode ?? 0,
            redactor.Redact(message),
            request.OperationName,
            attempt.Response?.Headers,
            innerException: cause);
    }

    public static ApiException Undecodable(ApiRequest request, RawResponse response, Exception cause, SecretRedactor redactor)
    {
        string message =
            $"{request.OperationName} returned {response.Describe()}, but the response body could not be decompressed: " +
            $"{cause.Message.TrimEnd('.')}.";
        return new ApiException(
            response.StatusCode, redactor.Redact(message), request.OperationName, response.Headers, innerException: cause);
    }

    public static ApiException Unreadable(string operationName, RawResponse response, Exception cause, SecretRedactor redactor)
    {
        // Whatever a generated reader throws (JsonException, FormatException, a bug's NullReferenceException),
        // the caller sees one exception type that says which call and which body. A media type that is not JSON
        // (an HTML error page from a proxy) is named, since it is the likely reason.
        string text = BodyExcerpt.ToText(response.Body);
        string? mediaType = response.MediaType;
        string contentType = mediaType is null || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            ? ""
            : $" with Content-Type '{mediaType}'";
        string message =
            $"{operationName} returned {response.Describe()}{contentType}, but the response body could not be read as JSON: " +
            $"{cause.Message.TrimEnd('.')}. Body: {BodyExcerpt.Create(text)}";
        return new ApiException(
            response.StatusCode, redactor.Redact(message), operationName, response.Headers, text, innerException: cause);
    }

    // HttpClient's own message is often just "An error occurred while sending the request."; the innermost
    // exception says what actually happened ("Connection refused", "Connection reset by peer").
    private static string Explain(Exception cause)
    {
        Exception innermost = cause.GetBaseException();
        return ReferenceEquals(innermost, cause) || cause.Message.Contains(innermost.Message, StringComparison.Ordinal)
            ? cause.Message
            : $"{cause.Message} ({innermost.Message.TrimEnd('.')})";
    }

    private static string AfterAttempts(int attempts) => attempts > 1 ? $" after {attempts} attempts" : "";

    // The error model is a bonus on top of status and body: a body that does not match it must not hide
    // the real failure behind a parse error.
    private static object? TryReadError(RawResponse response, ErrorReader? readError)
    {
        if (readError is null)
        {
            return null;
        }

        try
        {
            return readError(response.StatusCode, response.Body);
        }
        catch (Exception)
        {
            return null;
        }
    }
}
