using System.Collections.Frozen;

namespace Prescriptions.Domain.Library;

/// <summary>
/// One published, immutable version of the library, indexed once when it is loaded (by id, category
/// and body region) so that requests never scan the whole library.
/// </summary>
public sealed class ExerciseLibrary
{
    private readonly FrozenDictionary<string, Exercise> exercisesById;
    private readonly FrozenDictionary<string, Condition> conditionsById;
    private readonly FrozenDictionary<ExerciseCategory, Exercise[]> exercisesByCategory;
    private readonly FrozenDictionary<BodyRegion, Exercise[]> exercisesByRegion;

    public ExerciseLibrary(string version, DateTimeOffset publishedAt, LibraryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Version = version;
        PublishedAt = publishedAt;
        var canonical = content.Canonical();
        Exercises = canonical.Exercises;
        Conditions = canonical.Conditions;
        exercisesById = Exercises.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        conditionsById = Conditions.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        exercisesByCategory = Exercises.GroupBy(e => e.Category).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        exercisesByRegion = Exercises
            .SelectMany(e => e.BodyRegions.Distinct().Select(region => (region, e)))
            .GroupBy(pair => pair.region)
            .ToFrozenDictionary(g => g.Key, g => g.Select(pair => pair.e).ToArray());
        Candidates = new SlotCandidates(Conditions, Exercises);
    }

    /// <summary>The ranked, phase-safe candidates of every slot, built once for this version.</summary>
    public SlotCandidates Candidates { get; }

    /// <summary>The content hash that names this version.</summary>
    public string Version { get; }
    public DateTimeOffset PublishedAt { get; }

    /// <summary>All exercises, ordered by id.</summary>
    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>All conditions, ordered by id.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    public Exercise? FindExercise(string id) => exercisesById.GetValueOrDefault(id);

    public Condition? FindCondition(string id) => conditionsById.GetValueOrDefault(id);

    /// <summary>The exercises of a category, ordered by id.</summary>
    public IReadOnlyList<Exercise> InCategory(ExerciseCategory category) =>
        exercisesByCategory.TryGetValue(category, out var list) ? list : [];

    /// <summary>The exercises that train a body region, ordered by id.</summary>
    public IReadOnlyList<Exercise> InRegion(BodyRegion region) =>
        exercisesByRegion.TryGetValue(region, out var list) ? list : [];
}
