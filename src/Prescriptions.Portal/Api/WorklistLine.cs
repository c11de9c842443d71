namespace Prescriptions.Portal.Api;

/// <summary>A prescription's line on the clinic's worklist, as GET /api/prescriptions answers it (openapi.json's WorklistItem).</summary>
public sealed record WorklistLine(
    string PrescriptionId,
    string PatientId,
    string PatientDisplayName,
    string ConditionName,
    int Phase,
    string PhaseName,
    string Status,
    int DaysInPhase,
    int? AdherencePercent,
    int? LastPain,
    IReadOnlyList<string> OpenAlertKinds,
    IReadOnlyList<string> AttentionReasons);
