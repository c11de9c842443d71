using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Webhooks;

/// <summary>
/// The partner events written with each change (see <see cref="PrescriptionEvent"/>), read back for delivery.
/// Every write is conditional on the entry's ETag: a sweep that lost the row to another sweep gets
/// <see langword="null"/> or <see langword="false"/> and leaves it alone.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Up to <paramref name="maxCount"/> entries of the clinic that are due at <paramref name="now"/> (dead ones never are).</summary>
    Task<IReadOnlyList<OutboxEntry>> ListDueAsync(string clinicId, DateTimeOffset now, int maxCount, CancellationToken cancellationToken);

    /// <summary>Takes the entry for one delivery until <paramref name="leaseUntil"/>; <see langword="null"/> when another sweep changed or removed it first.</summary>
    Task<OutboxEntry?> TryClaimAsync(OutboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Takes all of <paramref name="entries"/> (one clinic's) until <paramref name="leaseUntil"/> in one write, all or none;
    /// <see langword="null"/> when another sweep changed or removed one first, or there are more than one write holds.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>?> TryClaimAllAsync(IReadOnlyList<OutboxEntry> entries, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a delivered (or unwanted) entry and adds its <paramref name="deliveries"/> to the log, in one transaction.
    /// <see langword="false"/> when another sweep changed or removed the entry first; the deliveries, which did happen,
    /// are then logged on their own.
    /// </summary>
    Task<bool> TryRemoveAsync(OutboxEntry entry, IReadOnlyList<DeliveryAttempt> deliveries, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: the entry is due again at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> TryRetryLaterAsync(OutboxEntry entry, int attempts, DateTimeOffset nextAttemptAt, IReadOnlyCollection<string> deliveredTo, CancellationToken cancellationToken);

    /// <summary>Gives up on the entry: it stays, flagged dead, and is never due again.</summary>
    Task<bool> TryMarkDeadAsync(OutboxEntry entry, int attempts, IReadOnlyCollection<string> deliveredTo, CancellationToken cancellationToken);

    /// <summary>The entry of an event, dead or alive; <see langword="null"/> once delivered.</summary>
    Task<OutboxEntry?> FindAsync(string clinicId, string eventId, CancellationToken cancellationToken);

    /// <summary>Adds one delivery to the log.</summary>
    Task RecordDeliveryAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The logged deliveries of an event, by partner and attempt.</summary>
    Task<IReadOnlyList<DeliveryAttempt>> DeliveriesAsync(string clinicId, string eventId, CancellationToken cancellationToken);
}
