namespace Prescriptions.Application.FollowUps;

/// <summary>
/// The follow-up schedule, kept so that a sweep reads only what is due: never the whole schedule. Every change to a
/// stored entry is conditional on its ETag: a sweep that lost an entry to another sweep gets null or false.
/// </summary>
public interface IFollowUpSchedule
{
    /// <summary>Adds planned messages (an existing one with the same id and due time is left as it is).</summary>
    Task AddAsync(IReadOnlyList<PendingFollowUp> messages, CancellationToken cancellationToken);

    /// <summary>Messages due at or before <paramref name="now"/> and not held back, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PendingFollowUp>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Takes the message for one send until <paramref name="leaseUntil"/>; null when another sweep changed or removed it first.</summary>
    Task<PendingFollowUp?> TryClaimAsync(PendingFollowUp message, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records a failed send: the message is tried again at <paramref name="notBefore"/>.</summary>
    Task<bool> TryRetryLaterAsync(PendingFollowUp message, int attempts, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Removes a message once it is sent (or no longer wanted); conditional on its ETag when it has one.</summary>
    Task RemoveAsync(PendingFollowUp message, CancellationToken cancellationToken);
}
