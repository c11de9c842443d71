namespace Prescriptions.Application.Sweeps;

/// <summary>
/// How a sweep treats its work: how much it reads a page, how long it holds a claim, how often and how patiently it
/// retries, how much it does at once, and how long one sweep may go on.
/// </summary>
public sealed record SweepSettings(int BatchSize, TimeSpan Lease, int MaxAttempts, TimeSpan BackoffBase, TimeSpan MaxBackoff)
{
    /// <summary>Lanes swept at once.</summary>
    public int ParallelLanes { get; init; } = 1;

    /// <summary>Pieces of one page worked on at once.</summary>
    public int ParallelWork { get; init; } = 1;

    /// <summary>After this, a sweep reads no further page (the work in hand is finished).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>
    /// How long a lane that had work in this sweep keeps looking (every <see cref="IdlePoll"/>) once none is due, so
    /// work that keeps arriving (a partner's import) goes out at once rather than at the timer's next run. Zero: the
    /// lane ends at the first empty page. An idle lane (no work in this sweep) always ends at once.
    /// </summary>
    public TimeSpan IdleGrace { get; init; } = TimeSpan.Zero;

    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromMilliseconds(250);

    public static SweepSettings From(ISweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.BatchSize, options.Lease, options.MaxAttempts, options.BackoffBase, options.MaxBackoff)
        {
            ParallelLanes = options.ParallelLanes,
            ParallelWork = options.ParallelWork,
            TimeBudget = options.SweepTimeBudget,
            IdleGrace = options.IdleGrace,
        };
    }
}
