using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>An item of a therapist's edited list: which exercise, optionally their own dose and words.</summary>
public sealed record ProposedItem(string ExerciseId, Dose? Dose, string? Notes);
