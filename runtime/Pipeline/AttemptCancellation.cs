using System;
using System.Threading;

namespace DatadogGen.Pipeline;

/// <summary>
/// The token one attempt is sent with: canceled by the caller's token or when the timeout expires. A linked
/// CancellationTokenSource per attempt costs a source, a timer registration and a link on every call; this
/// reuses a source per thread (TryReset clears its timer) and links the caller's token only when it can cancel.
/// </summary>
internal readonly struct AttemptCancellation : IDisposable
{
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _link;

    public AttemptCancellation(TimeSpan timeout, CancellationToken callerToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan && !callerToken.CanBeCanceled)
        {
            return;
        }

        _source = t_spare ?? new CancellationTokenSource();
        t_spare = null;
        if (callerToken.CanBeCanceled)
        {
            _link = callerToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
        }

        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(timeout);
        }
    }

    /// <summary>The token to send with.</summary>
    public CancellationToken Token => _source?.Token ?? CancellationToken.None;

    /// <summary>Whether the attempt was canceled, by the caller or the timeout.</summary>
    public bool IsCancellationRequested => _source?.IsCancellationRequested == true;

    public void Dispose()
    {
        if (_source is null)
        {
            return;
        }

        // Waits for a running link callback, so the source is not reset under it.
        _link.Dispose();
        if (_source.TryReset())
        {
            t_spare = _source;
        }
        else
        {
            _source.Dispose();
        }
    }
}
