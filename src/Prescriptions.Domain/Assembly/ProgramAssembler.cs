using System.Globalization;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Safety;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Fills a phase's slots, in their order of clinical priority, with exercises that keep every hard
/// rule: the combined precautions of phase and patient, equipment at hand, exclusions, no exercise
/// twice, and the count and minute budgets. The same input always gives the same output.
/// </summary>
public static class ProgramAssembler
{
    public static AssemblyResult Assemble(ExerciseLibrary library, AssemblyRequest request)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        var condition = library.FindCondition(request.ConditionId);
        if (condition is null)
        {
            return AssemblyResult.Failed(new RequestProblem("conditionId", $"'{request.ConditionId}' is not a condition of library {library.Version}"));
        }

        var phase = condition.FindPhase(request.Phase);
        if (phase is null)
        {
            return AssemblyResult.Failed(new RequestProblem("phase", $"{condition.Name} has phases 1-{condition.Phases.Count}"));
        }

        var constraints = request.Constraints;
        var precautions = SafetyRules.Combine(phase.Precautions, constraints.ToPrecautions());
        var excluded = constraints.ExcludeExerciseIds.ToHashSet(StringComparer.Ordinal);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var homeItems = new List<PrescriptionItem>();
        var clinicItems = new List<PrescriptionItem>();
        var warnings = new List<string>();
        var budgetSeconds = constraints.MaxMinutesPerSession * 60;
        var usedSeconds = 0;
        var checkedLimits = DescribeLimits(precautions, constraints);

        for (var slotIndex = 0; slotIndex < phase.Slots.Count; slotIndex++)
        {
            var slot = phase.Slots[slotIndex];
            var isHome = slot.Delivery == Delivery.Home;
            var ranked = library.InCategory(slot.Category)
                .Where(exercise => SlotMatcher.Fits(exercise, slot)
                    && !chosen.Contains(exercise.Id)
                    && !excluded.Contains(exercise.Id)
                    && HasEquipment(exercise, constraints.Equipment)
                    && SafetyRules.IsSafe(exercise, precautions))
                .OrderByDescending(exercise => Score(exercise, slot, condition))
                .ThenBy(exercise => exercise.Id, StringComparer.Ordinal);

            var filled = 0;
            foreach (var exercise in ranked)
            {
                if (filled == slot.Count)
                {
                    break;
                }

                var dose = DoseFor(exercise, phase.DoseProfile, request.Side);
                if (isHome)
                {
                    if (homeItems.Count >= constraints.MaxExercises)
                    {
                        break;
                    }

                    if (budgetSeconds is { } budget && usedSeconds + dose.EstimatedSeconds > budget)
                    {
                        continue;
                    }

                    usedSeconds += dose.EstimatedSeconds;
                }

                chosen.Add(exercise.Id);
                filled++;
                var item = new PrescriptionItem
                {
                    ExerciseId = exercise.Id,
                    Name = exercise.Name,
                    Category = exercise.Category,
                    Dose = dose,
                    Delivery = exercise.Delivery,
                    Rationale = Rationale(slotIndex, slot, exercise, phase, checkedLimits),
                };
                (isHome ? homeItems : clinicItems).Add(item);
            }

            if (filled < slot.Count)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Slot {slotIndex + 1} ({ClinicalText.Words(slot.Category)}) has {filled} of {slot.Count} exercise(s): no further exercise fits within the patient's limits and budgets."));
            }
        }

        return AssemblyResult.Succeeded(new AssembledProgram
        {
            ConditionId = condition.Id,
            Phase = phase.Number,
            LibraryVersion = library.Version,
            Items = homeItems,
            ClinicItems = clinicItems,
            EstimatedMinutesPerSession = (int)Math.Ceiling(usedSeconds / 60.0),
            Warnings = warnings,
        });
    }

    /// <summary>The exercise's default dose, shaped by the phase's profile and the affected side, kept within the bounds.</summary>
    public static Dose DoseFor(Exercise exercise, DoseProfile profile, Side? side)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(profile);
        var dose = exercise.DefaultDose;
        if (exercise.Delivery == Delivery.Clinic)
        {
            // The phase profile shapes home work; a technique in clinic keeps the dose the library gives it.
            return dose;
        }

        var shaped = dose with
        {
            Sets = Math.Clamp(profile.Sets ?? dose.Sets, DoseBounds.MinSets, DoseBounds.MaxSets),
            Reps = dose.Reps is null ? null : Math.Clamp(profile.Reps ?? dose.Reps.Value, DoseBounds.MinReps, DoseBounds.MaxReps),
            HoldSeconds = dose.HoldSeconds is null ? null : Math.Clamp(profile.HoldSeconds ?? dose.HoldSeconds.Value, 1, DoseBounds.MaxHoldSeconds),
            RestSeconds = profile.RestSeconds ?? dose.RestSeconds,
            Rpe = profile.Rpe ?? dose.Rpe,
            SessionsPerDay = Math.Clamp(profile.SessionsPerDay ?? dose.SessionsPerDay, DoseBounds.MinSessionsPerDay, DoseBounds.MaxSessionsPerDay),
            DaysPerWeek = Math.Clamp(profile.DaysPerWeek ?? dose.DaysPerWeek, DoseBounds.MinDaysPerWeek, DoseBounds.MaxDaysPerWeek),
        };

        // Single-limb work is done on the injured side when the side is known and the exercise names one side.
        return side is Side.Left or Side.Right && shaped.Side is Side.Left or Side.Right ? shaped with { Side = side } : shaped;
    }

    private static int Score(Exercise exercise, Slot slot, Condition condition)
    {
        var target = (slot.MinDifficulty + slot.MaxDifficulty) / 2.0;
        var difficultyFit = 10 - (int)Math.Round(Math.Abs(exercise.Difficulty - target) * 4);
        var regionFit = exercise.BodyRegions.Count(condition.BodyRegions.Contains) * 3;
        var home = exercise.Delivery == Delivery.Home ? 1 : 0;
        return difficultyFit + regionFit + home;
    }

    private static bool HasEquipment(Exercise exercise, IReadOnlyList<Equipment>? atHand) =>
        atHand is null || exercise.Equipment.All(atHand.Contains);

    private static string Rationale(int slotIndex, Slot slot, Exercise exercise, Phase phase, string checkedLimits)
    {
        var purpose = slot.Purpose is null ? string.Empty : $", to {slot.Purpose}";
        return string.Create(CultureInfo.InvariantCulture,
            $"Slot {slotIndex + 1} of phase {phase.Number} ({ClinicalText.Words(slot.Category)}{purpose}): difficulty {exercise.Difficulty} in {slot.MinDifficulty}-{slot.MaxDifficulty}, trains {ClinicalText.Words(exercise.BodyRegions)}. Checked: {checkedLimits}.");
    }

    private static string DescribeLimits(Precautions precautions, PatientConstraints constraints)
    {
        var parts = new List<string> { $"weight bearing up to {ClinicalText.Words(precautions.WeightBearing)}" };
        if (precautions.RomLimits.Count > 0)
        {
            parts.Add("ROM caps " + string.Join(", ", precautions.RomLimits.Select(l => $"{ClinicalText.Words(l.Joint)} {ClinicalText.Words(l.Motion)} <= {l.MaxDegrees}")));
        }

        if (precautions.LiftingLimitKg is { } kg)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"lifting <= {kg:0.#} kg"));
        }

        if (precautions.Tags.Count > 0)
        {
            parts.Add("precautions " + string.Join(", ", precautions.Tags));
        }

        parts.Add(constraints.Equipment is null ? "any equipment"
            : constraints.Equipment.Count == 0 ? "no equipment at hand"
            : $"equipment at hand ({ClinicalText.Words(constraints.Equipment)})");
        return string.Join("; ", parts);
    }
}
