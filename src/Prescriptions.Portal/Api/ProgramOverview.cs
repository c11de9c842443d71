namespace Prescriptions.Portal.Api;

/// <summary>A stored program (openapi.json's Prescription, the members the patient page shows).</summary>
public sealed record ProgramOverview(
    string Id,
    string PatientId,
    string ConditionId,
    int Phase,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? PhaseStartedAt,
    DateOnly? StartDate,
    int? Weeks,
    int Version);
