using System.Globalization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>What a search for safe swaps found: the alternatives, or why there are none to look for.</summary>
public enum AlternativesOutcome
{
    Found,
    /// <summary>The request names an unknown condition, phase, further condition or slot (a field problem).</summary>
    Invalid,
    /// <summary>The program has no item with the exercise id.</summary>
    ItemNotFound,
    /// <summary>The item fills no slot of the phase (a therapist's addition that fits none).</summary>
    NoSlot,
}

/// <summary>One safe swap: the exercise, its dose for the phase and why it may take the item's place.</summary>
public sealed record ItemAlternative
{
    public required string ExerciseId { get; init; }
    public required string Name { get; init; }
    public required ExerciseCategory Category { get; init; }
    public required Delivery Delivery { get; init; }
    public required int Difficulty { get; init; }
    public required Dose Dose { get; init; }
    public required string Rationale { get; init; }
}

/// <summary>The safe swaps for one slot of a program, best first, and the item they would replace (if the slot has one).</summary>
public sealed record ItemAlternativesResult
{
    public required AlternativesOutcome Outcome { get; init; }
    public IReadOnlyList<RequestProblem> Problems { get; init; } = [];
    public string? Message { get; init; }

    /// <summary>The slot (1-based) the alternatives fill.</summary>
    public int Slot { get; init; }

    /// <summary>The exercise the alternatives would replace; null when the slot is empty.</summary>
    public string? ReplacingExerciseId { get; init; }
    public IReadOnlyList<ItemAlternative> Alternatives { get; init; } = [];
}

/// <summary>
/// The alternatives for an item of a program (or for a slot), by the engine's own rules: every precaution of the
/// request (phase, patient, other conditions, and every gate the evidence does not lift), the slot's definition (never
/// harder than its maximum difficulty), equipment at hand, exclusions, nothing already in the program, and the minute
/// budget without the replaced item. Ranked as the engine ranks the slot's candidates (the protocol's preferred items,
/// then <see cref="SlotCandidates.StaticScore"/>, then id); each with its dose for the phase and a rationale.
/// </summary>
public static class ItemAlternatives
{
    public static ItemAlternativesResult For(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<PrescriptionItem> currentItems, string? exerciseId, int? slotNumber)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(currentItems);
        var condition = library.FindCondition(request.ConditionId);
        if (condition is null)
        {
            return Invalid(new RequestProblem("conditionId", $"'{request.ConditionId}' is not a condition of library {library.Version}"));
        }

        var phase = condition.FindPhase(request.Phase);
        if (phase is null)
        {
            return Invalid(new RequestProblem("phase", $"{condition.Name} has phases 1-{condition.Phases.Count}"));
        }

        var resolved = PrecautionSet.Resolve(library, phase, request);
        if (resolved.Problems.Count > 0)
        {
            return new() { Outcome = AlternativesOutcome.Invalid, Problems = resolved.Problems };
        }

        PrescriptionItem? replacing;
        int slotIndex;
        if (exerciseId is not null)
        {
            replacing = currentItems.FirstOrDefault(i => string.Equals(i.ExerciseId, exerciseId, StringComparison.Ordinal));
            if (replacing is null)
            {
                return new() { Outcome = AlternativesOutcome.ItemNotFound, Message = $"The program has no item '{exerciseId}'." };
            }

            slotIndex = SlotOf(library, phase, replacing);
            if (slotIndex < 0)
            {
                return new() { Outcome = AlternativesOutcome.NoSlot, Message = $"{replacing.Name} fills no slot of phase {phase.Number}: choose a slot to look for alternatives." };
            }
        }
        else if (slotNumber is { } number && number >= 1 && number <= phase.Slots.Count)
        {
            slotIndex = number - 1;
            replacing = currentItems.FirstOrDefault(i => i.Slot == number);
        }
        else
        {
            return Invalid(new RequestProblem("slot", $"Phase {phase.Number} of {condition.Name} has slots 1-{phase.Slots.Count}."));
        }

        var slot = phase.Slots[slotIndex];
        var constraints = request.Constraints;
        var maxMinutes = constraints.MaxMinutesPerSession ?? PatientConstraints.DefaultMaxMinutesPerSession;
        var others = currentItems.Where(i => !ReferenceEquals(i, replacing)).ToList();
        var usedSeconds = others.Where(i => i.Delivery == Delivery.Home).Sum(i => i.Dose.EstimatedSeconds);
        var inProgram = currentItems.Select(i => i.ExerciseId).ToHashSet(StringComparer.Ordinal);
        var excluded = constraints.ExcludeExerciseIds.ToHashSet(StringComparer.Ordinal);
        var alternatives = new List<ItemAlternative>();
        foreach (var candidate in library.Candidates.For(condition.Id, phase.Number, slotIndex))
        {
            // The slot's candidates already fit it (never above its maximum difficulty) and keep the phase's precautions.
            if (inProgram.Contains(candidate.Id) || excluded.Contains(candidate.Id) || constraints.MissingEquipment(candidate).Count > 0)
            {
                continue;
            }

            var dose = ProgramAssembler.DoseFor(candidate, phase.DoseProfile, request.Side, condition.BodyRegions);
            if (!SafetyRules.IsSafe(candidate, resolved.Precautions, dose)
                || (candidate.Delivery == Delivery.Home && usedSeconds + dose.EstimatedSeconds > maxMinutes * 60))
            {
                continue;
            }

            alternatives.Add(new ItemAlternative
            {
                ExerciseId = candidate.Id,
                Name = candidate.Name,
                Category = candidate.Category,
                Delivery = candidate.Delivery,
                Difficulty = candidate.Difficulty,
                Dose = dose,
                Rationale = Rationale(condition, phase, slotIndex, slot, candidate, replacing, resolved, constraints,
                    candidate.Delivery == Delivery.Home ? SessionLength.Minutes(usedSeconds + dose.EstimatedSeconds) : null, maxMinutes),
            });
        }

        return new()
        {
            Outcome = AlternativesOutcome.Found,
            Slot = slotIndex + 1,
            ReplacingExerciseId = replacing?.ExerciseId,
            Alternatives = alternatives,
            Message = alternatives.Count == 0 ? $"No other exercise fills slot {slotIndex + 1} within this patient's limits." : null,
        };
    }

    /// <summary>The item's own slot, or for an item outside the slots the first slot its exercise fits; -1 when none.</summary>
    private static int SlotOf(ExerciseLibrary library, Phase phase, PrescriptionItem item)
    {
        if (item.Slot is { } slot && slot >= 1 && slot <= phase.Slots.Count)
        {
            return slot - 1;
        }

        var exercise = library.FindExercise(item.ExerciseId);
        for (var i = 0; exercise is not null && i < phase.Slots.Count; i++)
        {
            if (SlotMatcher.Fits(exercise, phase.Slots[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static ItemAlternativesResult Invalid(RequestProblem problem) => new() { Outcome = AlternativesOutcome.Invalid, Problems = [problem] };

    private static string Rationale(Condition condition, Phase phase, int slotIndex, Slot slot, Exercise candidate, PrescriptionItem? replacing,
        RequestPrecautions resolved, PatientConstraints constraints, int? sessionMinutes, int maxMinutes)
    {
        var purpose = slot.Purpose is null ? string.Empty : $", to {slot.Purpose}";
        var regions = candidate.BodyRegions.Where(condition.BodyRegions.Contains).ToArray();
        var trains = ClinicalText.Words(regions.Length > 0 ? regions : candidate.BodyRegions);
        var instead = replacing is null ? string.Empty : $"Instead of {replacing.Name}: ";
        var where = candidate.Delivery == Delivery.Home ? "at home" : "in clinic";
        var equipment = candidate.Equipment.Count == 0 ? "needs no equipment" : $"needs {ClinicalText.Words(candidate.Equipment)}, which the patient has";
        var time = sessionMinutes is { } minutes ? $" The session stays at about {minutes} of at most {maxMinutes} minutes." : string.Empty;
        var held = resolved.HeldGates.Count == 0 ? string.Empty
            : " Still held: " + string.Join("; ", resolved.HeldGates.Select(g => g.Reason).Distinct(StringComparer.Ordinal)) + ".";
        return string.Create(CultureInfo.InvariantCulture,
            $"{instead}fills slot {slotIndex + 1} of phase {phase.Number} ({ClinicalText.Words(slot.Category)}{purpose}) at difficulty {candidate.Difficulty} for a target of {slot.MinDifficulty}-{slot.MaxDifficulty}, trains the {trains}, done {where}, {equipment}. Keeps every precaution: {PrecautionText.Describe(resolved.Precautions)}.{held}{time}");
    }
}
