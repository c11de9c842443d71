namespace Prescriptions.Domain.Lifecycle;

/// <summary>
/// An event for partners (prescription.created, .activated, ...), written to the outbox in the same
/// transaction as the change. <see cref="Id"/> is stable: every delivery attempt carries it, so receivers
/// can drop duplicates.
/// </summary>
public sealed record PrescriptionEvent(string Id, string Type, DateTimeOffset OccurredAt, string ClinicId, string PrescriptionId, int Version)
{
    /// <summary>The patient's id as the partner sent it, so a receiver can match the event to its records (absent on events stored before it was added).</summary>
    public string? PatientId { get; init; }

    /// <summary>The partner's own id of the prescription, when it gave one.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The alert of an <c>alert.raised</c> event.</summary>
    public Alert? Alert { get; init; }

    /// <summary>The check-in of a <c>checkin.received</c> event.</summary>
    public CheckIn? CheckIn { get; init; }
}
