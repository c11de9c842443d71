using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Builder;

/// <summary>A range-of-motion cap as its form row edits it.</summary>
public sealed class RomCapInput
{
    public string Joint { get; set; } = "knee";
    public string Motion { get; set; } = "flexion";
    public int MaxDegrees { get; set; } = 90;
    public string AppliesFrom { get; set; } = "passive";

    public static RomCapInput From(RomCap cap) => new() { Joint = cap.Joint, Motion = cap.Motion, MaxDegrees = cap.MaxDegrees, AppliesFrom = cap.AppliesFrom ?? "passive" };

    public RomCap ToCap() => new(Joint, Motion, MaxDegrees, AppliesFrom);
}
