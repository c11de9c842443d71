using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.FollowUps;

/// <summary>The partner events of follow-ups: <c>checkin.received</c> and <c>alert.raised</c>.</summary>
public static class FollowUpEvents
{
    public static PrescriptionEvent AlertRaised(Prescription prescription, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(alert);
        return new PrescriptionEvent(NewId(), EventTypes.AlertRaised, alert.RaisedAt, prescription.ClinicId, prescription.Id, prescription.Version) { Alert = alert };
    }

    public static PrescriptionEvent CheckInReceived(Prescription prescription, CheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(checkIn);
        return new PrescriptionEvent(NewId(), EventTypes.CheckInReceived, checkIn.ReceivedAt, prescription.ClinicId, prescription.Id, prescription.Version) { CheckIn = checkIn };
    }

    private static string NewId() => $"evt_{Guid.CreateVersion7():N}";
}
