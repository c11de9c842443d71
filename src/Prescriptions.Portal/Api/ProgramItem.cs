namespace Prescriptions.Portal.Api;

/// <summary>One exercise of a program (openapi.json's PrescriptionItem).</summary>
public sealed record ProgramItem(
    string ExerciseId,
    string Name,
    string Category,
    Dose Dose,
    string? Rationale,
    string Delivery,
    string? Notes,
    int? Slot,
    string Source);
