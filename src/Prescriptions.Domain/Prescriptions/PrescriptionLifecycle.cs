using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>
/// The status machine: draft -> active -> completed, and cancelled from draft or active. Content changes
/// (update, advance) are allowed while draft or active. Anything else is an illegal transition.
/// </summary>
public static class PrescriptionLifecycle
{
    public static bool IsAllowed(PrescriptionStatus from, LifecycleAction action) => (from, action) switch
    {
        (PrescriptionStatus.Draft, LifecycleAction.Activate) => true,
        (PrescriptionStatus.Active, LifecycleAction.Complete) => true,
        (PrescriptionStatus.Draft or PrescriptionStatus.Active, LifecycleAction.Cancel) => true,
        (PrescriptionStatus.Draft or PrescriptionStatus.Active, LifecycleAction.Advance or LifecycleAction.Update) => true,
        _ => false,
    };

    /// <summary>The status after a status action; content actions keep the status.</summary>
    public static PrescriptionStatus StatusAfter(PrescriptionStatus from, LifecycleAction action) => action switch
    {
        LifecycleAction.Activate => PrescriptionStatus.Active,
        LifecycleAction.Complete => PrescriptionStatus.Completed,
        LifecycleAction.Cancel => PrescriptionStatus.Cancelled,
        _ => from,
    };

    public static string EventType(LifecycleAction action) => action switch
    {
        LifecycleAction.Activate => EventTypes.Activated,
        LifecycleAction.Complete => EventTypes.Completed,
        LifecycleAction.Cancel => EventTypes.Cancelled,
        LifecycleAction.Advance => EventTypes.PhaseAdvanced,
        _ => EventTypes.Updated,
    };
}
