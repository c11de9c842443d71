using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// What the engine assembles a program from: the condition and phase whose slots are filled, the affected
/// side, the patient's limits, any other conditions whose phase precautions apply as well, and the evidence
/// that gates and entry criteria are judged by (time since surgery or injury, measurements).
/// </summary>
public sealed record AssemblyRequest(string ConditionId, int Phase, Side? Side, PatientConstraints Constraints)
{
    public IReadOnlyList<ConditionPhase> OtherConditions { get; init; } = [];

    /// <summary>The day of surgery; time gates count from it.</summary>
    public DateOnly? SurgeryDate { get; init; }

    /// <summary>The day of the injury, for conditions without surgery.</summary>
    public DateOnly? InjuryDate { get; init; }

    /// <summary>When the program is assembled (the caller's clock); days since surgery or injury are counted to this day.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Measurements (a stored prescription's, or the therapist's) that can lift gates and meet entry criteria.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}
