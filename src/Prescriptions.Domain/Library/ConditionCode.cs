namespace Prescriptions.Domain.Library;

/// <summary>An ICD-10 code of a condition; a sided code names the side it stands for (S83.511D right knee).</summary>
public sealed record ConditionCode(string Code, Side? Side = null)
{
    /// <summary>Whether the code belongs on a program for this side: unsided codes always, sided ones only on their side, all when the side is not known.</summary>
    public bool AppliesTo(Side? side) => Side is null || side is not (Library.Side.Left or Library.Side.Right) || Side == side;
}
