using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>The partner events, built in one place so every event id has the same form.</summary>
public static class PrescriptionEvents
{
    /// <summary>A change of the prescription itself (created, updated, activated, ...), as of its new version.</summary>
    public static PrescriptionEvent Changed(Prescription after, string eventType)
    {
        ArgumentNullException.ThrowIfNull(after);
        return new PrescriptionEvent(NewId(), eventType, after.UpdatedAt, after.ClinicId, after.Id, after.Version) { PatientId = after.PatientId, ExternalId = after.ExternalId };
    }

    public static PrescriptionEvent AlertRaised(Prescription prescription, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(alert);
        return new PrescriptionEvent(NewId(), EventTypes.AlertRaised, alert.RaisedAt, prescription.ClinicId, prescription.Id, prescription.Version)
        {
            PatientId = prescription.PatientId, ExternalId = prescription.ExternalId, Alert = alert,
        };
    }

    public static PrescriptionEvent CheckInReceived(Prescription prescription, CheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(checkIn);
        return new PrescriptionEvent(NewId(), EventTypes.CheckInReceived, checkIn.ReceivedAt, prescription.ClinicId, prescription.Id, prescription.Version)
        {
            PatientId = prescription.PatientId, ExternalId = prescription.ExternalId, CheckIn = checkIn,
        };
    }

    /// <summary>Time-ordered, so ids sort roughly by occurrence; receivers drop duplicates by it.</summary>
    private static string NewId() => $"evt_{Guid.CreateVersion7():N}";
}
