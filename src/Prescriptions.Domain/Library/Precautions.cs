namespace Prescriptions.Domain.Library;

/// <summary>What must not happen in a phase (or to a patient). The engine never breaks any of it.</summary>
public sealed record Precautions
{
    public static Precautions None { get; } = new();

    /// <summary>The most weight the affected limb may take.</summary>
    public WeightBearing WeightBearing { get; init; } = WeightBearing.Full;

    /// <summary>The most weight the affected arm and hand may take (after a wrist fracture or a cuff repair).</summary>
    public WeightBearing UpperLimbWeightBearing { get; init; } = WeightBearing.Full;
    public IReadOnlyList<RomLimit> RomLimits { get; init; } = [];

    /// <summary>The heaviest external load allowed, in kilograms; null when there is no lifting limit.</summary>
    public double? LiftingLimitKg { get; init; }

    /// <summary>Precaution tags (see <see cref="PrecautionTags"/>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
