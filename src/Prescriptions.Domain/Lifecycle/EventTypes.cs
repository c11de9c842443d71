namespace Prescriptions.Domain.Lifecycle;

public static class EventTypes
{
    public const string Created = "prescription.created";
    public const string Updated = "prescription.updated";
    public const string Activated = "prescription.activated";
    public const string Completed = "prescription.completed";
    public const string Cancelled = "prescription.cancelled";
    public const string PhaseAdvanced = "prescription.phaseAdvanced";
    public const string CheckInReceived = "checkin.received";
    public const string AlertRaised = "alert.raised";

    /// <summary>Every type a partner can subscribe to (webhook configuration is checked against this list).</summary>
    public static IReadOnlyList<string> All { get; } = [Created, Updated, Activated, Completed, Cancelled, PhaseAdvanced, CheckInReceived, AlertRaised];
}
