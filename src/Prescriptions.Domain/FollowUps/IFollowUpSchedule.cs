namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// The follow-up schedule, kept so that a sweep reads only what is due: never the whole schedule.
/// </summary>
public interface IFollowUpSchedule
{
    /// <summary>Adds planned messages (an existing one with the same id is left as it is).</summary>
    Task AddAsync(IReadOnlyList<PendingFollowUp> messages, CancellationToken cancellationToken);

    /// <summary>Messages due at or before <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PendingFollowUp>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes a message once it is sent (or no longer wanted).</summary>
    Task RemoveAsync(PendingFollowUp message, CancellationToken cancellationToken);
}
