
namespace Prescriptions.Domain.Library;

/// <summary>A search of the library (GET /api/exercises): every filter given must hold.</summary>
public sealed record ExerciseQuery
{
    public string? Text { get; init; }
    public ExerciseCategory? Category { get; init; }
    public BodyRegion? BodyRegion { get; init; }
    public Equipment? Equipment { get; init; }
    public string? ConditionId { get; init; }
    public int? Phase { get; init; }
    public int? MaxDifficulty { get; init; }

    /// <summary>
    /// Runs the query. With a condition (and optionally a phase) it keeps exercises that fit one of the
    /// slots of that condition's phases and keep those phases' precautions. Ordered by id.
    /// </summary>
    public IEnumerable<Exercise> Run(ExerciseLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        IEnumerable<Exercise> source = Category is { } category ? library.InCategory(category)
            : BodyRegion is { } region ? library.InRegion(region)
            : library.Exercises;

        Phase[]? phases = null;
        if (ConditionId is not null)
        {
            var condition = library.FindCondition(ConditionId);
            phases = condition is null ? [] : [.. condition.Phases.Where(p => Phase is null || p.Number == Phase)];
        }

        return source.Where(exercise =>
            (BodyRegion is null || exercise.BodyRegions.Contains(BodyRegion.Value))
            && (Equipment is null || exercise.Equipment.Contains(Equipment.Value))
            && (MaxDifficulty is null || exercise.Difficulty <= MaxDifficulty)
            && (phases is null || phases.Any(phase => SafetyRules.IsSafe(exercise, phase.Precautions)
                && phase.Slots.Any(slot => SlotMatcher.Fits(exercise, slot))))
            && (string.IsNullOrWhiteSpace(Text)
                || exercise.Name.Contains(Text, StringComparison.OrdinalIgnoreCase)
                || exercise.Summary.Contains(Text, StringComparison.OrdinalIgnoreCase)
                || exercise.Id.Contains(Text, StringComparison.OrdinalIgnoreCase)));
    }
}
