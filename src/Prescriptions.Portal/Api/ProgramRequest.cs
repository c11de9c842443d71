namespace Prescriptions.Portal.Api;

/// <summary>What a program is assembled for (openapi.json's AssembleRequest): the preview's, the alternatives' and the eligibility's body.</summary>
public sealed record ProgramRequest(
    string PatientId,
    string ConditionId,
    int Phase,
    string? Side,
    DateOnly? SurgeryDate,
    DateOnly? InjuryDate,
    ProgramLimits Constraints);
