namespace Prescriptions.Domain.Library;

/// <summary>
/// Precautions that stay in force until every criterion in <see cref="LiftedWhen"/> is met by evidence:
/// time since surgery or injury (<c>daysSinceSurgery &gt;= 168</c>) or a measurement (<c>hopSymmetryPercent
/// &gt;= 85</c>). Without evidence a gate holds. A condition's gates protect the person in every phase (fall
/// risk after a stroke ends when balance is measured safe, never by phase number); a phase's gates hold
/// within that phase (no cutting before about 24 weeks after ACL reconstruction).
/// </summary>
public sealed record PrecautionGate
{
    /// <summary>What applies while the gate holds; combined with the phase's precautions.</summary>
    public required Precautions Precautions { get; init; }

    /// <summary>The criteria that lift the gate, all of them needed. At least one.</summary>
    public required IReadOnlyList<Criterion> LiftedWhen { get; init; }

    /// <summary>Why, in a therapist's words, with the guideline behind it.</summary>
    public required string Reason { get; init; }
}
