namespace Prescriptions.Domain.Lifecycle;

public static class EventTypes
{
    public const string Created = "prescription.created";
    public const string Updated = "prescription.updated";
    public const string Activated = "prescription.activated";
    public const string Completed = "prescription.completed";
    public const string Cancelled = "prescription.cancelled";
    public const string PhaseAdvanced = "prescription.phaseAdvanced";
}
