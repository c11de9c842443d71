namespace Prescriptions.Domain.Library;

/// <summary>
/// Who moves the joint, from least to most demand on a healing tissue: passive (the other arm, gravity or
/// the therapist), active-assisted, active (the patient's own muscles), resisted (against a load or band).
/// </summary>
public enum MotionMode
{
    Passive = 0,
    ActiveAssisted = 1,
    Active = 2,
    Resisted = 3,
}
