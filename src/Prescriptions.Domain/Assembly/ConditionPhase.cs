namespace Prescriptions.Domain.Assembly;

/// <summary>A further condition of the patient, at its own phase: its precautions are added to the program's.</summary>
public sealed record ConditionPhase(string ConditionId, int Phase);
