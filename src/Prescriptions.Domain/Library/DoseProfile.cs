namespace Prescriptions.Domain.Library;

/// <summary>
/// How a phase doses its exercises, for example isometric holds early and 3 x 8-12 at RPE 6-7 later.
/// Set values override an exercise's default dose where they apply (reps only to repetition work,
/// holds only to exercises that hold).
/// </summary>
public sealed record DoseProfile
{
    public required string Description { get; init; }
    public int? Sets { get; init; }
    public int? Reps { get; init; }
    public int? HoldSeconds { get; init; }
    public int? RestSeconds { get; init; }
    public int? Rpe { get; init; }
    public int? SessionsPerDay { get; init; }
    public int? DaysPerWeek { get; init; }

    /// <summary>Doses for groups of categories (resistance work, stretches, walking) that differ from the general profile.</summary>
    public IReadOnlyList<CategoryDose> Categories { get; init; } = [];

    /// <summary>The dosing for a category: its own entry when the phase has one.</summary>
    public CategoryDose? For(ExerciseCategory category) => Categories.FirstOrDefault(c => c.Categories.Contains(category));
}
