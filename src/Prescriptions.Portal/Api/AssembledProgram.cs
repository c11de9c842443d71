namespace Prescriptions.Portal.Api;

/// <summary>A previewed program, nothing stored (openapi.json's AssembledProgram).</summary>
public sealed record AssembledProgram(
    string ConditionId,
    int Phase,
    IReadOnlyList<ProgramItem> Items,
    IReadOnlyList<ProgramItem> ClinicItems,
    int EstimatedMinutesPerSession,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<CriterionReading>? EntryCriteria,
    IReadOnlyList<string>? HeldPrecautions);
