using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// What the engine assembles a program from: the condition and phase whose slots are filled, the affected
/// side, the patient's limits, and any other conditions whose phase precautions apply as well.
/// </summary>
public sealed record AssemblyRequest(string ConditionId, int Phase, Side? Side, PatientConstraints Constraints)
{
    public IReadOnlyList<ConditionPhase> OtherConditions { get; init; } = [];
}
