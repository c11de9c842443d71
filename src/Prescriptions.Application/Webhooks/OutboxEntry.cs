using Prescriptions.Application.Sweeps;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Webhooks;

/// <summary>An event waiting in the outbox, as read: the event, the delivery state and the row's ETag for conditional writes.</summary>
/// <param name="Event">The event to deliver.</param>
/// <param name="Attempts">Delivery attempts (sweeps) that failed so far.</param>
/// <param name="NextAttemptAt">When the event is due next (or when the current claim's lease ends).</param>
/// <param name="DeliveredTo">Partners that already acknowledged the event: a retry goes only to the others.</param>
/// <param name="ETag">The row's version: every change to the row is conditional on it.</param>
public sealed record OutboxEntry(
    PrescriptionEvent Event,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    IReadOnlyList<string> DeliveredTo,
    string ETag) : ISweepWork;
