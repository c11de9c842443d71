namespace Prescriptions.Domain.Library;

/// <summary>
/// A cap on a joint's range: no exercise may need more than <see cref="MaxDegrees"/> in this motion when it
/// moves the joint in <see cref="AppliesFrom"/> mode or a more demanding one. A cap from
/// <see cref="MotionMode.Passive"/> binds every exercise; one from <see cref="MotionMode.Active"/> leaves
/// passive and assisted range free to progress (after a rotator cuff repair, for example). A cap of 0 from a
/// mode forbids moving the joint that way at all (a passive-only phase).
/// </summary>
public sealed record RomLimit(Joint Joint, Motion Motion, int MaxDegrees, MotionMode AppliesFrom = MotionMode.Passive)
{
    public bool Binds(JointMotion demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return demand.Joint == Joint && demand.Motion == Motion && demand.Mode >= AppliesFrom;
    }

    public bool IsBrokenBy(JointMotion demand) => Binds(demand) && demand.Degrees > MaxDegrees;
}
