namespace Prescriptions.Portal.Api;

/// <summary>A stored program (openapi.json's Prescription, the members the portal shows or sends back).</summary>
public sealed record StoredProgram(
    string Id,
    string PatientId,
    string ConditionId,
    int Phase,
    string? Side,
    string Status,
    ProgramLimits Constraints,
    IReadOnlyList<ProgramItem> Items,
    IReadOnlyList<ProgramItem> ClinicItems,
    IReadOnlyList<string> Warnings,
    int EstimatedMinutesPerSession,
    FollowUpContact? FollowUp,
    DateOnly? StartDate,
    int? Weeks,
    DateOnly? SurgeryDate,
    DateOnly? InjuryDate,
    int Version);
