using System.Collections.Frozen;

namespace Prescriptions.Domain.Library;

/// <summary>
/// For every slot of every phase of every condition, the exercises that fit the slot and keep the phase's
/// precautions, ranked once per library version (best static score first, then id). Assembly walks these
/// short lists and stops as soon as a slot is full, instead of scanning the library.
/// </summary>
public sealed class SlotCandidates
{
    private readonly FrozenDictionary<(string ConditionId, int Phase, int Slot), Exercise[]> ranked;
    private readonly FrozenDictionary<string, IReadOnlySet<string>> repertoire;

    public SlotCandidates(IReadOnlyList<Condition> conditions, IReadOnlyList<Exercise> exercises)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(exercises);
        var byCategory = exercises.ToLookup(e => e.Category);
        var entries = new Dictionary<(string, int, int), Exercise[]>();
        foreach (var condition in conditions)
        {
            foreach (var phase in condition.Phases)
            {
                for (var i = 0; i < phase.Slots.Count; i++)
                {
                    var slot = phase.Slots[i];
                    entries[(condition.Id, phase.Number, i)] = [.. byCategory[slot.Category]
                        .Where(e => SlotMatcher.Fits(e, slot) && SafetyRules.IsSafe(e, phase.Precautions))
                        .OrderBy(e => PreferenceRank(e, slot))
                        .ThenByDescending(e => StaticScore(e, slot, condition))
                        .ThenBy(e => e.Id, StringComparer.Ordinal)];
                }
            }
        }

        ranked = entries.ToFrozenDictionary();
        repertoire = entries
            .GroupBy(entry => entry.Key.Item1, entry => entry.Value)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlySet<string>)g.SelectMany(list => list).Select(e => e.Id).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the exercise belongs to the condition's protocol: it fits some slot of some phase. A substitute from a
    /// related category must, so dizziness-provoking habituation tasks never stand in for neck strengthening.
    /// </summary>
    public bool InRepertoire(string conditionId, string exerciseId) =>
        repertoire.TryGetValue(conditionId, out var ids) && ids.Contains(exerciseId);

    public IReadOnlyList<Exercise> For(string conditionId, int phase, int slotIndex) =>
        ranked.TryGetValue((conditionId, phase, slotIndex), out var list) ? list : [];

    /// <summary>The protocol's preferred items first, in the order it names them; every other exercise after them.</summary>
    private static int PreferenceRank(Exercise exercise, Slot slot)
    {
        var index = slot.PreferredExerciseIds.ToList().IndexOf(exercise.Id);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>
    /// How well an exercise suits a slot before the patient is known: difficulty near the slot's target (its
    /// midpoint), training the condition's body regions, and home delivery.
    /// </summary>
    public static int StaticScore(Exercise exercise, Slot slot, Condition condition)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(condition);
        var target = (slot.MinDifficulty + slot.MaxDifficulty) / 2.0;
        var difficultyFit = 10 - (int)Math.Round(Math.Abs(exercise.Difficulty - target) * 4);
        var regionFit = exercise.BodyRegions.Count(condition.BodyRegions.Contains) * 3;
        var slotRegionFit = slot.BodyRegions.Count == 0 ? 0 : exercise.BodyRegions.Count(slot.BodyRegions.Contains) * 2;
        var home = exercise.Delivery == Delivery.Home ? 1 : 0;
        return difficultyFit + regionFit + slotRegionFit + home;
    }
}
