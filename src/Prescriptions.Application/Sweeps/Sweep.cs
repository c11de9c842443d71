using Microsoft.Extensions.Logging;

namespace Prescriptions.Application.Sweeps;

/// <summary>
/// The one sweep loop: list the due work, settle what needs no claim, claim the rest (so an overlapping sweep leaves it
/// alone), act, and on failure retry later with <see cref="RetryBackoff"/> or, after the last allowed attempt,
/// dead-letter it. One piece's trouble never holds up the others: its lease ends and a later sweep retries it.
/// A crash between acting and recording repeats the work, never loses it.
/// </summary>
public sealed partial class Sweep<TWork>(ISweepStrategy<TWork> strategy, TimeProvider clock, ILogger<Sweep<TWork>> logger)
    where TWork : class, ISweepWork
{
    /// <summary>
    /// Every lane at once (a slow lane never holds up the others); within a lane, page after page of due work, each
    /// page's work in parallel, until nothing is due (an empty page), a page makes no progress, or the time budget is spent.
    /// </summary>
    public async Task<SweepCounts> RunAsync(CancellationToken cancellationToken)
    {
        var settings = strategy.Settings;
        var started = clock.GetTimestamp();
        var counts = new SweepCounts();
        var lanes = new ParallelOptions { MaxDegreeOfParallelism = settings.ParallelLanes, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(strategy.Lanes, lanes, async (lane, token) =>
        {
            long? lastWork = null;
            while (clock.GetElapsedTime(started) < settings.TimeBudget)
            {
                var page = await RunPageAsync(lane, settings, counts, token);
                if (page.Progressed)
                {
                    lastWork = clock.GetTimestamp();
                }
                else if (lastWork is not { } since || clock.GetElapsedTime(since) >= settings.IdleGrace)
                {
                    // No progress (nothing due, or all of it another sweep's) in an idle lane or past its grace: the timer's
                    // next run takes what comes later.
                    break;
                }

                // A full page goes on at once, and so does a lane without grace. A lane that keeps looking for work still
                // arriving (an import) looks again one poll later, after a short page too: each look is a range query.
                if ((page.Progressed && page.Full) || settings.IdleGrace == TimeSpan.Zero)
                {
                    continue;
                }

                await Task.Delay(settings.IdlePoll, clock, token);
            }
        });

        return counts;
    }

    /// <summary>One page of a lane's due work: whether there may be more to do, and whether the page was full.</summary>
    private async Task<PageRun> RunPageAsync(string lane, SweepSettings settings, SweepCounts counts, CancellationToken cancellationToken)
    {
        var due = await strategy.ListDueAsync(lane, clock.GetUtcNow(), settings.BatchSize, cancellationToken);
        var progressed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.ParallelWork, CancellationToken = cancellationToken };
        void Count(SweepOutcome outcome)
        {
            counts.Add(outcome);
            if (outcome != SweepOutcome.Skipped)
            {
                Interlocked.Increment(ref progressed);
            }
        }

        // First what needs no claim, then the rest claimed in one write where the store can: one storage request for the
        // page instead of one per piece. Claimed one by one (in ProcessAsync) where it cannot.
        var toClaim = new List<TWork>();
        await Parallel.ForEachAsync(due, parallel, async (work, token) =>
        {
            SweepOutcome? settled;
            try
            {
                settled = await strategy.SettleUnclaimedAsync(work, token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                LogProcessFailed(logger, exception, strategy.Describe(work));
                settled = SweepOutcome.Skipped;
            }

            if (settled is { } outcome)
            {
                Count(outcome);
                return;
            }

            lock (toClaim)
            {
                toClaim.Add(work);
            }
        });

        var claimed = await ClaimAllAsync(toClaim, settings, cancellationToken);
        await Parallel.ForEachAsync(claimed ?? toClaim, parallel, async (work, token) =>
            Count(await ProcessSafelyAsync(work, alreadyClaimed: claimed is not null, settings, token)));

        // A short page is no end: work that fell due while this page ran (a partner's import, a busy clinic) is taken by
        // the lane's next look, not at the timer's next run. An empty page, or one whose work all went to another sweep,
        // makes no progress.
        return new PageRun(due.Count > 0 && progressed > 0, due.Count >= settings.BatchSize);
    }

    private readonly record struct PageRun(bool Progressed, bool Full);

    private async Task<IReadOnlyList<TWork>?> ClaimAllAsync(List<TWork> works, SweepSettings settings, CancellationToken cancellationToken)
    {
        if (works.Count < 2)
        {
            return null;
        }

        try
        {
            return await strategy.TryClaimAllAsync(works, clock.GetUtcNow() + settings.Lease, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One by one instead: each piece's own claim then fails or succeeds on its own.
            LogPageClaimFailed(logger, exception, works.Count);
            return null;
        }
    }

    private async Task<SweepOutcome> ProcessSafelyAsync(TWork work, bool alreadyClaimed, SweepSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessAsync(work, alreadyClaimed, settings, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogProcessFailed(logger, exception, strategy.Describe(work));
            return SweepOutcome.Skipped;
        }
    }

    private async Task<SweepOutcome> ProcessAsync(TWork work, bool alreadyClaimed, SweepSettings settings, CancellationToken cancellationToken)
    {
        var claimed = alreadyClaimed ? work : await strategy.TryClaimAsync(work, clock.GetUtcNow() + settings.Lease, cancellationToken);
        if (claimed is null)
        {
            return SweepOutcome.Skipped;
        }

        var attempt = claimed.Attempts + 1;
        var act = await strategy.ActAsync(claimed, attempt, cancellationToken);
        if (act.Outcome is { } outcome)
        {
            return outcome;
        }

        var failed = act.Failed!;
        var error = act.Error ?? "failed";
        LogAttemptFailed(logger, strategy.Describe(failed), attempt, error);
        if (attempt >= settings.MaxAttempts)
        {
            LogDead(logger, strategy.Describe(failed), attempt);
            return await strategy.TryDeadLetterAsync(failed, attempt, error, cancellationToken) ? SweepOutcome.Dead : SweepOutcome.Skipped;
        }

        // Random.Shared is fine here: jitter only spreads retries, it protects nothing.
#pragma warning disable CA5394
        var delay = RetryBackoff.Delay(attempt, settings.BackoffBase, settings.MaxBackoff, Random.Shared.NextDouble());
#pragma warning restore CA5394
        return await strategy.TryRetryLaterAsync(failed, attempt, clock.GetUtcNow() + delay, cancellationToken) ? SweepOutcome.Retrying : SweepOutcome.Skipped;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} could not be processed; a later sweep retries it")]
    private static partial void LogProcessFailed(ILogger logger, Exception exception, string work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page of {Count} could not be claimed in one write; claiming one by one")]
    private static partial void LogPageClaimFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed on attempt {Attempt}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string work, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} is given up after {Attempts} attempts")]
    private static partial void LogDead(ILogger logger, string work, int attempts);
}
