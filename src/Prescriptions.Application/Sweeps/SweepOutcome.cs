namespace Prescriptions.Application.Sweeps;

/// <summary>What a sweep did with one piece of due work.</summary>
public enum SweepOutcome
{
    /// <summary>Done (sent, delivered) and removed.</summary>
    Done,

    /// <summary>Failed this time; due again after the backoff.</summary>
    Retrying,

    /// <summary>Failed for the last allowed time; kept or recorded as failed (dead-lettered).</summary>
    Dead,

    /// <summary>No longer wanted (not planned any more, nobody subscribes); removed unsent.</summary>
    Dropped,

    /// <summary>Taken or changed by another sweep first, or it failed in a way a later sweep retries after the lease.</summary>
    Skipped,

    /// <summary>Not a delivery: a check that ran (a no-check-in watch).</summary>
    Watched,
}
