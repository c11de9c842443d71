namespace Prescriptions.Application.Language;

/// <summary>An exercise's texts in the patient's language: its name, summary, steps, cues and safety points.</summary>
public sealed record PatientExerciseWording(
    string Name,
    string Summary,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> Safety);
