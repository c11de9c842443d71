using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>What the engine assembles a program from: a condition's phase, the affected side and the patient's limits.</summary>
public sealed record AssemblyRequest(string ConditionId, int Phase, Side? Side, PatientConstraints Constraints);
