namespace Prescriptions.Domain.Library;

/// <summary>
/// How a phase doses one group of categories (resistance work, stretches, walking), overriding the phase's
/// general profile for them. Values left out fall back to the general profile, then to the exercise.
/// </summary>
public sealed record CategoryDose
{
    public required IReadOnlyList<ExerciseCategory> Categories { get; init; }
    public int? Sets { get; init; }
    public int? Reps { get; init; }
    public int? HoldSeconds { get; init; }
    public int? DurationSeconds { get; init; }
    public int? RestSeconds { get; init; }
    public int? Rpe { get; init; }
    public HeartRateReserve? HeartRateReserve { get; init; }
    public int? SessionsPerDay { get; init; }
    public int? DaysPerWeek { get; init; }

    /// <summary>When to stop or not start a session (blood pressure, heart rate, symptoms), shown with each item.</summary>
    public IReadOnlyList<string> StopRules { get; init; } = [];
}
