namespace Prescriptions.Domain.Lifecycle;

/// <summary>
/// An event for partners (prescription.created, .activated, ...), written to the outbox in the same
/// transaction as the change. <see cref="Id"/> is stable: every delivery attempt carries it, so receivers
/// can drop duplicates.
/// </summary>
public sealed record PrescriptionEvent(string Id, string Type, DateTimeOffset OccurredAt, string ClinicId, string PrescriptionId, int Version);
