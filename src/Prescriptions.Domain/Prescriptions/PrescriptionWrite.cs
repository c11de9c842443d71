using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>
/// Everything one change stores, all or nothing: the prescription's new state, its audit entry, the events
/// for partners, and (for a create with an Idempotency-Key) the key's record.
/// </summary>
public sealed record PrescriptionWrite(
    Prescription Prescription,
    AuditEntry Audit,
    IReadOnlyList<PrescriptionEvent> Events,
    IdempotencyRecord? Idempotency = null);
