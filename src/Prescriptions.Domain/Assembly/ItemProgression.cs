using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Moves one item of a program one step along its exercise's chain (harder or easier), keeping the item's
/// place and notes and re-dosing it for the phase. The step is refused when it would break a hard rule.
/// </summary>
public static class ItemProgression
{
    public static ProgressionResult Step(
        ExerciseLibrary library,
        Phase phase,
        AssemblyRequest request,
        IReadOnlyList<PrescriptionItem> items,
        string exerciseId,
        ProgressionDirection direction)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        var index = items.ToList().FindIndex(item => item.ExerciseId == exerciseId);
        if (index < 0 || library.FindExercise(exerciseId) is not { } current)
        {
            return new(ProgressionOutcome.ItemNotFound, items, $"The program has no item '{exerciseId}'.");
        }

        var nextId = direction == ProgressionDirection.Progress ? current.ProgressionId : current.RegressionId;
        var word = direction == ProgressionDirection.Progress ? "harder" : "easier";
        if (nextId is null || library.FindExercise(nextId) is not { } next)
        {
            return new(ProgressionOutcome.NoStep, items, $"{current.Name} has no {word} exercise in its chain.");
        }

        if (items.Any(item => item.ExerciseId == next.Id))
        {
            return new(ProgressionOutcome.NoStep, items, $"{next.Name}, the {word} step, is already in the program.");
        }

        var (precautions, _) = PrecautionSet.For(library, phase, request);
        var dose = ProgramAssembler.DoseFor(next, phase.DoseProfile, request.Side, library.FindCondition(request.ConditionId)?.BodyRegions);
        var violations = SafetyRules.Check(next, precautions, dose).Select(v => $"{v.Rule}: {next.Name} {v.Detail}").ToList();
        if (request.Constraints.MissingEquipment(next) is { Count: > 0 } missing)
        {
            violations.Add($"equipment: {next.Name} needs {ClinicalText.Words(missing)}, which the patient does not have");
        }

        if (request.Constraints.ExcludeExerciseIds.Contains(next.Id, StringComparer.Ordinal))
        {
            violations.Add($"excluded: {next.Name} is in the patient's exclusions");
        }

        if (violations.Count > 0)
        {
            return new(ProgressionOutcome.Unsafe, items, string.Join("; ", violations));
        }

        var replaced = items[index] with
        {
            ExerciseId = next.Id,
            Name = next.Name,
            Category = next.Category,
            Delivery = next.Delivery,
            Dose = dose,
            Source = ItemSource.Therapist,
            Rationale = $"{(direction == ProgressionDirection.Progress ? "Progressed" : "Regressed")} from {current.Name} along its chain; still within the limits of phase {phase.Number}.",
        };
        var changed = items.ToList();
        changed[index] = replaced;
        return new(ProgressionOutcome.Changed, changed, replaced.Rationale);
    }
}
