using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Whether a therapist may add one exercise of the library under a request's limits, and if not, every reason in
/// words: the same hard rules the re-check of an edited list keeps (<see cref="ItemReview"/>).
/// </summary>
public sealed record ExerciseEligibility
{
    public required string ExerciseId { get; init; }
    public required string Name { get; init; }
    public required ExerciseCategory Category { get; init; }
    public required Delivery Delivery { get; init; }
    public required int Difficulty { get; init; }

    /// <summary>Trains a body region of the condition (the ankle for an ankle sprain): a builder lists these first.</summary>
    public required bool ForCondition { get; init; }

    /// <summary>The dose the exercise would take in the phase when added without one.</summary>
    public required Dose Dose { get; init; }

    /// <summary>Empty when the exercise is allowed.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public bool Allowed => Reasons.Count == 0;
}
