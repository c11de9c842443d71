

namespace Prescriptions.Application.Webhooks;

/// <summary>One delivery of an event to one partner, as kept in the delivery log.</summary>
/// <param name="ClinicId">The event's clinic.</param>
/// <param name="EventId">The event id (also the <c>webhook-id</c> header).</param>
/// <param name="EventType">The event type.</param>
/// <param name="Partner">The configured partner name.</param>
/// <param name="Attempt">1 for the first sweep that tried the event, 2 for the next, ...</param>
/// <param name="At">When the delivery started.</param>
/// <param name="Succeeded">Whether the partner answered 2xx.</param>
/// <param name="DurationMs">Time spent, retries within the sweep included.</param>
/// <param name="StatusCode">The partner's final HTTP status, when it answered at all.</param>
/// <param name="Error">Why the delivery failed (no answer, timeout, open circuit, non-2xx).</param>
public sealed record DeliveryAttempt(
    string ClinicId,
    string EventId,
    string EventType,
    string Partner,
    int Attempt,
    DateTimeOffset At,
    bool Succeeded,
    long DurationMs,
    int? StatusCode = null,
    string? Error = null);
