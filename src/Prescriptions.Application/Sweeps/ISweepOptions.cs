namespace Prescriptions.Application.Sweeps;

/// <summary>The settings every sweep's options section carries (FollowUps, Webhooks).</summary>
public interface ISweepOptions
{
    /// <summary>Most pieces of work read in one page; a sweep reads page after page while work is due.</summary>
    int BatchSize { get; }
    TimeSpan Lease { get; }
    int MaxAttempts { get; }
    TimeSpan BackoffBase { get; }
    TimeSpan MaxBackoff { get; }

    /// <summary>Lanes (clinics, for webhooks) swept at once.</summary>
    int ParallelLanes { get; }

    /// <summary>Pieces of one page worked on at once.</summary>
    int ParallelWork { get; }

    /// <summary>How long one sweep may keep reading pages.</summary>
    TimeSpan SweepTimeBudget { get; }

    /// <summary>How long a lane that had work in this sweep keeps looking for more once none is due; zero: it ends at once.</summary>
    TimeSpan IdleGrace => TimeSpan.Zero;
}
