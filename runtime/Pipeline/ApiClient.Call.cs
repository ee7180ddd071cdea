using System;
using System.Threading;
using System.Threading.Tasks;

namespace DatadogGen;

// A call: one snapshot of the settings, the attempts, and what their outcome becomes (a result, a retry, an exception).
public sealed partial class ApiClient
{
    // Every call, whether it returns the whole response or only its body: one async method either way, so XAsync
    // needs no second state machine over XWithHttpInfoAsync's.
    private async Task<TResult> SendAsync<T, TResult, TShape>(
        ApiRequest request,
        ResponseReader<T> readResponse,
        ErrorReader? readError,
        CancellationToken cancellationToken)
        where TShape : IResultShape<T, TResult>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readResponse);
        ObjectDisposedException.ThrowIf(_disposed, this);
        request.MarkSent();

        CallSettings settings = CallSettings.Freeze(Configuration);
        ServerEndpoint endpoint = _endpoints.Of(
            Configuration.BaseAddress ?? request.ServerAddress ?? Configuration.ResolveBaseAddress(request.Subdomain ?? "api"));
        TransportSecurity.ThrowIfInsecure(request.OperationName, endpoint, settings.AllowInsecureHttp);
        Uri uri = request.CreateUri(endpoint);
        cancellationToken.ThrowIfCancellationRequested();
        ReadOnlyMemory<byte>? body = request.Body is { } written ? RequestCompression.Encode(written, request.Headers) : (ReadOnlyMemory<byte>?)null;

        CallTelemetry telemetry = CallTelemetry.Start(request, endpoint);
        int retry = 0;
        try
        {
            for (; ; retry++)
            {
                Attempt attempt = await SendOnceAsync(request, uri, body, settings, telemetry.Traced, retry + 1, cancellationToken).ConfigureAwait(false);
                TimeSpan delay;
                bool succeeded;
                T data;
                try
                {
                    succeeded = Settle(request, uri, in attempt, retry, settings, readResponse, readError, out data, out delay);
                }
                finally
                {
                    attempt.Response?.Release();
                }

                if (succeeded)
                {
                    RawResponse response = attempt.Response!;
                    telemetry.Succeeded(response.StatusCode, retry);
                    return TShape.From(response, data);
                }

                telemetry.Retrying(retry, attempt, delay);
                // Throws for the caller's token the moment it is canceled, however long the wait.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            telemetry.Failed(exception, retry);
            throw;
        }
        finally
        {
            // The client's own handler has sent the whole body by the time an attempt ends (HTTP/1.1 sends the
            // content before it reads the response); what an injected HttpClient's handlers do is not known.
            if (_ownHandlers is not null)
            {
                request.ReturnPooledBody();
            }
        }
    }

    // The one place an attempt's outcome becomes the call's result (true, with its data), a retry after the
    // delay (false), or the exception the call ends with.
    private static bool Settle<T>(
        ApiRequest request,
        Uri uri,
        in Attempt attempt,
        int retry,
        CallSettings settings,
        ResponseReader<T> readResponse,
        ErrorReader? readError,
        out T data,
        out TimeSpan delay)
    {
        data = default!;
        delay = TimeSpan.Zero;
        RawResponse? response = attempt.Response;
        if (attempt.Failure is null && response!.IsSuccess)
        {
            data = ReadSuccess(request.OperationName, response, readResponse, settings);
            return true;
        }

        RetryPolicy policy = settings.Retry;
        string? permanent = attempt.Failure is { } failure ? RetryPolicy.PermanentFailure(failure) : null;
        bool retryable = attempt.Failure is not null ? permanent is null : RetryPolicy.IsRetryableStatus(response!.StatusCode);
        RetryDecision decision = retryable
            ? policy.Decide(retry, attempt.Failure is null ? response!.Headers : null)
            : RetryDecision.Stop(null);
        string outcome = attempt.Failure is null ? response!.Describe() : DescribeFailure(attempt);
        if (decision.Retry)
        {
            settings.Log(ApiLogEvents.RetryScheduled, nameof(ApiLogEvents.RetryScheduled), ApiLogLevel.Information,
                "{Operation}: {Outcome}; retry {Retry} of {MaxRetries} in {Delay}.",
                ("Operation", request.OperationName), ("Outcome", outcome), ("Retry", retry + 1), ("MaxRetries", policy.MaxRetries),
                ("Delay", TimeText.Seconds(decision.Delay)));
            delay = decision.Delay;
            return false;
        }

        if (retry > 0 || decision.Refusal is not null || (permanent is not null && policy.MaxRetries > 0))
        {
            // Why it stopped: a failure no retry heals, a status that is never retried, no retry left, or a
            // refusal (a wait too long).
            string reason = permanent is not null ? $"{permanent}; a retry would fail the same way."
                : decision.Refusal ?? (retryable ? $"no retry left (MaxRetries is {policy.MaxRetries})." : $"{outcome} is not retried.");
            settings.Log(ApiLogEvents.CallFailed, nameof(ApiLogEvents.CallFailed), ApiLogLevel.Warning,
                "{Operation}: {Outcome}; giving up after {Attempts} attempts: {Reason}",
                ("Operation", request.OperationName), ("Outcome", outcome), ("Attempts", retry + 1), ("Reason", reason));
        }

        throw attempt.Failure is null
            ? ApiFailures.Status(request, response!, readError, retry + 1, decision.Refusal, settings.Redactor)
            : ApiFailures.Failure(request, uri, attempt, retry + 1, settings.Redactor);
    }

    private static T ReadSuccess<T>(
        string operationName, RawResponse response, ResponseReader<T> readResponse, CallSettings settings)
    {
        try
        {
            return readResponse(response.StatusCode, response.Body);
        }
        catch (Exception ex)
        {
            throw ApiFailures.Unreadable(operationName, response, ex, settings.Redactor);
        }
    }

    private static string DescribeFailure(in Attempt attempt) =>
        attempt.Timeout is { } timeout
            ? $"timed out after {TimeText.Seconds(timeout)}"
            : $"{attempt.Failure!.GetType().Name}: {attempt.Failure.Message}";
}
