namespace Prescriptions.Application.Handouts;

/// <summary>One home exercise as the patient reads it: its name, what it is for, the steps, the dose in words, and the notes.</summary>
public sealed record HandoutExercise
{
    public required string Name { get; init; }
    public string? Summary { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>The dose in the patient's words and language (<c>PatientDose.Text</c>).</summary>
    public required string Dose { get; init; }
    public IReadOnlyList<string> Tips { get; init; } = [];
    public IReadOnlyList<string> Safety { get; init; } = [];

    /// <summary>The therapist's own words for this patient.</summary>
    public string? TherapistNotes { get; init; }
}
