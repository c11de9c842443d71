namespace Prescriptions.Domain.Lifecycle;

public enum LifecycleAction
{
    Activate,
    Complete,
    Cancel,
    Advance,
    Update,
}
