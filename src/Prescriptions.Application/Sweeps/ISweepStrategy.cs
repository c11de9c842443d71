namespace Prescriptions.Application.Sweeps;

/// <summary>
/// One kind of due work (follow-up messages, webhook events) for <see cref="Sweep{TWork}"/>: how it is listed,
/// claimed, acted on, retried later and dead-lettered. Every write is conditional on the claim: a strategy answers
/// false (or null) when another sweep changed the work first.
/// </summary>
public interface ISweepStrategy<TWork>
    where TWork : class, ISweepWork
{
    SweepSettings Settings { get; }

    /// <summary>Independent queues of work (a clinic's outbox); a slow one never holds up the others.</summary>
    IReadOnlyList<string> Lanes { get; }

    /// <summary>Up to <paramref name="maxCount"/> pieces of the lane's work due at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<TWork>> ListDueAsync(string lane, DateTimeOffset now, int maxCount, CancellationToken cancellationToken);

    /// <summary>Settles work that needs no claim (nothing left to do); null to go on and claim it.</summary>
    Task<SweepOutcome?> SettleUnclaimedAsync(TWork work, CancellationToken cancellationToken);

    Task<TWork?> TryClaimAsync(TWork work, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Claims all of <paramref name="works"/> in one write, each conditional as in <see cref="TryClaimAsync"/>, all or
    /// none; null when the store cannot (or another sweep changed one first): the sweep then claims them one by one.
    /// </summary>
    Task<IReadOnlyList<TWork>?> TryClaimAllAsync(IReadOnlyList<TWork> works, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TWork>?>(null);

    Task<SweepAct<TWork>> ActAsync(TWork claimed, int attempt, CancellationToken cancellationToken);

    Task<bool> TryRetryLaterAsync(TWork failed, int attempts, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Gives up after the last allowed attempt: the work is recorded as failed and never due again.</summary>
    Task<bool> TryDeadLetterAsync(TWork failed, int attempts, string reason, CancellationToken cancellationToken);

    /// <summary>How the work is named in logs.</summary>
    string Describe(TWork work);
}
