using System.Globalization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Fills a phase's slots, in their order of clinical priority, with exercises that keep every hard rule:
/// the combined precautions of the phases and the patient, equipment at hand, the slot's delivery,
/// exclusions, no exercise twice, and the count and minute budgets. When a slot cannot be filled it
/// regresses along an exercise's chain or substitutes the best safe exercise, and says so. The same input
/// always gives the same output.
/// </summary>
public static class ProgramAssembler
{
    private const int RegressionSteps = 6;
    private const int VarietyPenalty = 3;
    private const int RankingWindow = 3;

    public static AssemblyResult Assemble(ExerciseLibrary library, AssemblyRequest request) =>
        Assemble(library, request, []);

    /// <summary>
    /// Assembles around items to keep (a therapist's choices carried into a new phase): each is kept when it
    /// still keeps every hard rule and fits the budgets, and otherwise dropped with a warning.
    /// </summary>
    public static AssemblyResult Assemble(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<PrescriptionItem> keep)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keep);
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

        var resolved = PrecautionSet.Resolve(library, phase, request);
        if (resolved.Problems.Count > 0)
        {
            return AssemblyResult.Failed([.. resolved.Problems]);
        }

        var entry = PhaseEntry.Judge(condition, phase, request);
        var state = new AssemblyState(library, condition, phase, request, resolved.Precautions);
        state.WarnAboutEntry(entry);
        foreach (var item in keep)
        {
            state.TryKeep(item);
        }

        for (var slotIndex = 0; slotIndex < phase.Slots.Count; slotIndex++)
        {
            state.Fill(slotIndex);
        }

        return AssemblyResult.Succeeded(state.ToProgram() with
        {
            EntryCriteria = entry,
            Icd10Codes = condition.CodesFor(request.Side),
            HeldPrecautions = [.. resolved.HeldGates.Select(gate => gate.Reason).Distinct(StringComparer.Ordinal)],
        });
    }

    /// <summary>The exercise's default dose shaped for the phase by <see cref="DoseRules"/>, sided for the affected side.</summary>
    public static Dose DoseFor(Exercise exercise, DoseProfile profile, Side? side, IReadOnlyList<BodyRegion>? affectedRegions = null) =>
        DoseRules.Shape(exercise, profile, side, affectedRegions ?? []);

    /// <summary>The running state of one assembly: what is chosen, what it costs, and what to warn about.</summary>
    private sealed class AssemblyState(ExerciseLibrary library, Condition condition, Phase phase, AssemblyRequest request, Precautions precautions)
    {
        private readonly HashSet<string> chosen = new(StringComparer.Ordinal);
        private readonly HashSet<string> excluded = request.Constraints.ExcludeExerciseIds.ToHashSet(StringComparer.Ordinal);
        private readonly Dictionary<(BodyRegion, Position), int> patterns = [];
        private readonly Dictionary<string, Dose> doses = new(StringComparer.Ordinal);
        private readonly List<PrescriptionItem> homeItems = [];
        private readonly List<PrescriptionItem> clinicItems = [];
        private readonly List<string> warnings = [];
        private readonly string checkedLimits = DescribeLimits(precautions, request.Constraints);

        // Only for the hint of an empty slot: the same precautions without the patient's own limits.
        private readonly Lazy<Precautions> withoutPatientLimits = new(() => PrecautionSet.For(library, phase, request with { Constraints = new PatientConstraints() }).Precautions);
        private int usedSeconds;

        private PatientConstraints Constraints => request.Constraints;

        private int MaxMinutes => Constraints.MaxMinutesPerSession ?? PatientConstraints.DefaultMaxMinutesPerSession;

        private int BudgetSeconds => MaxMinutes * 60;

        private readonly SlotCeiling[] ceilings = [.. phase.Slots.Select((_, i) => SlotCeiling.Of(library.Candidates.For(condition.Id, phase.Number, i)))];

        public void WarnAboutEntry(IReadOnlyList<Readiness.CriterionReadiness> entry)
        {
            foreach (var criterion in entry)
            {
                var what = Readiness.ReadingWords.Goal(criterion.Criterion);
                var reading = criterion.Evidence is { } e ? $"{Readiness.ReadingWords.Of(e)}, from {e.Source}" : "nothing recorded yet";
                if (criterion.Status == Readiness.CriterionStatus.NotMet)
                {
                    warnings.Add($"Entry to phase {phase.Number} not met: {what} ({reading}). Saving this program needs an override with a reason.");
                }
                else if (criterion.Status == Readiness.CriterionStatus.Unknown)
                {
                    warnings.Add($"Entry to phase {phase.Number} not yet shown: {what} ({(criterion.Evidence is null ? reading : criterion.Explanation.TrimEnd('.'))}). Check it before the patient starts.");
                }
            }
        }

        public void TryKeep(PrescriptionItem item)
        {
            var exercise = library.FindExercise(item.ExerciseId);
            if (exercise is null)
            {
                warnings.Add($"{item.Name} was dropped: it is no longer in library {library.Version}.");
                return;
            }

            var reasons = Reasons(exercise, item.Dose);
            if (reasons.Count > 0)
            {
                warnings.Add($"{exercise.Name} was dropped: in phase {phase.Number} it {reasons[0]}.");
                return;
            }

            if (exercise.Delivery == Delivery.Home && homeItems.Count >= Constraints.MaxExercises)
            {
                warnings.Add($"{exercise.Name} was dropped: the program already has the maximum of {Constraints.MaxExercises} home exercises.");
                return;
            }

            if (exercise.Delivery == Delivery.Home && ExceedsTime(item.Dose))
            {
                warnings.Add($"{exercise.Name} was dropped: it would take the session past {MaxMinutes} minutes.");
                return;
            }

            Add(exercise, item.Dose, item with
            {
                Slot = null,
                Rationale = $"Kept from the previous phase as the therapist chose it; still safe in phase {phase.Number}. Checked: {checkedLimits}.",
            });
        }

        public void Fill(int slotIndex)
        {
            var slot = phase.Slots[slotIndex];
            var slotName = $"Slot {slotIndex + 1} ({ClinicalText.Words(slot.Category)})";
            var rejected = new List<Exercise>();
            var rejectedIds = new HashSet<string>(StringComparer.Ordinal);
            var filled = FillRequired(slotIndex, slot, slotName);
            while (filled < slot.Count)
            {
                if (slot.Delivery == Delivery.Home && homeItems.Count >= Constraints.MaxExercises)
                {
                    warnings.Add($"{slotName} has {filled} of {slot.Count}: the program already has the maximum of {Constraints.MaxExercises} home exercises.");
                    return;
                }

                var pick = PickFromSlot(slotIndex, slot, rejected, rejectedIds);
                if (pick is not null)
                {
                    Add(pick, Dose(pick), Item(pick, slotIndex, Rationale(slotIndex, slot, pick)));
                    filled++;
                    continue;
                }

                if (Regress(slotIndex, slot, slotName, rejected) || Substitute(slotIndex, slot, slotName))
                {
                    filled++;
                    continue;
                }

                warnings.Add($"{slotName} has {filled} of {slot.Count}: no exercise fits within the limits ({Summarize(rejected)}).{Suggest(slot, rejected)}");
                return;
            }
        }

        /// <summary>The protocol's signature items first, each whenever the patient can do it; a warning names any that cannot be given.</summary>
        private int FillRequired(int slotIndex, Slot slot, string slotName)
        {
            var filled = 0;
            foreach (var id in slot.RequiredExerciseIds)
            {
                if (filled >= slot.Count || library.FindExercise(id) is not { } exercise || chosen.Contains(id))
                {
                    continue;
                }

                if (excluded.Contains(id))
                {
                    warnings.Add($"{slotName}: {exercise.Name}, a core item of this phase, is left out: it is in the patient's exclusions.");
                    continue;
                }

                if (slot.Delivery == Delivery.Home && homeItems.Count >= Constraints.MaxExercises)
                {
                    return filled;
                }

                if (!IsAllowed(exercise))
                {
                    warnings.Add($"{slotName}: {exercise.Name}, a core item of this phase, is left out: it {FirstReason(exercise)}.");
                    continue;
                }

                Add(exercise, Dose(exercise), Item(exercise, slotIndex, $"{Rationale(slotIndex, slot, exercise)} A core item of the protocol for this phase."));
                filled++;
            }

            return filled;
        }

        public AssembledProgram ToProgram() => new()
        {
            ConditionId = condition.Id,
            Phase = phase.Number,
            LibraryVersion = library.Version,
            Items = homeItems,
            ClinicItems = clinicItems,
            EstimatedMinutesPerSession = SessionLength.Minutes(usedSeconds),
            Warnings = warnings,
        };

        /// <summary>
        /// The best eligible candidate of the slot's ranked list. Among the first few eligible ones, a movement
        /// pattern already in the program counts against a candidate, so the program varies.
        /// </summary>
        private Exercise? PickFromSlot(int slotIndex, Slot slot, List<Exercise> rejected, HashSet<string> rejectedIds)
        {
            var window = new List<(Exercise Exercise, int Rank)>(RankingWindow);
            var ranked = library.Candidates.For(condition.Id, phase.Number, slotIndex);
            for (var rank = 0; rank < ranked.Count && window.Count < RankingWindow; rank++)
            {
                var exercise = ranked[rank];
                if (chosen.Contains(exercise.Id) || excluded.Contains(exercise.Id) || rejectedIds.Contains(exercise.Id))
                {
                    continue;
                }

                // Limits only tighten as the program fills (time is used up), so a rejection stands for the slot.
                if (!IsAllowed(exercise))
                {
                    rejectedIds.Add(exercise.Id);
                    rejected.Add(exercise);
                    continue;
                }

                window.Add((exercise, rank));
            }

            if (window.Count == 0)
            {
                return null;
            }

            // The protocol's preferred items come first whenever the patient can do them.
            var preferred = window.Where(c => slot.PreferredExerciseIds.Contains(c.Exercise.Id, StringComparer.Ordinal))
                .OrderBy(c => slot.PreferredExerciseIds.ToList().IndexOf(c.Exercise.Id)).Select(c => c.Exercise).FirstOrDefault();
            return preferred ?? window.OrderByDescending(c => SlotCandidates.StaticScore(c.Exercise, slot, condition) - (VarietyPenalty * patterns.GetValueOrDefault(Pattern(c.Exercise))))
                    .ThenBy(c => c.Rank)
                    .First().Exercise;
        }

        /// <summary>For an exercise the slot wanted but the patient cannot do, the first safe one down its regression chain.</summary>
        private bool Regress(int slotIndex, Slot slot, string slotName, List<Exercise> rejected)
        {
            foreach (var wanted in rejected)
            {
                var step = wanted;
                for (var i = 0; i < RegressionSteps && step.RegressionId is { } easierId && library.FindExercise(easierId) is { } easier; i++)
                {
                    step = easier;
                    if (step.Delivery == slot.Delivery && IsEligible(step))
                    {
                        var reason = FirstReason(wanted);
                        Add(step, Dose(step), Item(step, slotIndex,
                            $"{Rationale(slotIndex, slot, step)} Regressed from {wanted.Name}, which {reason}."));
                        warnings.Add($"{slotName}: {wanted.Name} {reason}; regressed along its chain to {step.Name}.");
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The best safe exercise of the slot's category, then of a related category, that never raises the risk:
        /// no harder than the slot allows, no category of higher impact, no more impact and no more demanding a
        /// position than the slot's own exercises ask for, and training the slot's regions.
        /// </summary>
        private bool Substitute(int slotIndex, Slot slot, string slotName)
        {
            var ceiling = ceilings[slotIndex];
            foreach (var category in CategoryFamilies.RelativesOf(slot.Category).Prepend(slot.Category))
            {
                // One pass for the best: the category list is ordered by id, so the first of equal scores wins.
                Exercise? substitute = null;
                var best = int.MinValue;
                foreach (var candidate in library.InCategory(category))
                {
                    if (candidate.Delivery != slot.Delivery || candidate.Difficulty > slot.MaxDifficulty || !ceiling.Allows(candidate) || !TrainsTargetRegion(candidate, slot)
                        || (category != slot.Category && !library.Candidates.InRepertoire(condition.Id, candidate.Id)))
                    {
                        continue;
                    }

                    var score = SlotCandidates.StaticScore(candidate, slot, condition) - (VarietyPenalty * patterns.GetValueOrDefault(Pattern(candidate)));
                    if (score > best && IsEligible(candidate))
                    {
                        (substitute, best) = (candidate, score);
                    }
                }

                if (substitute is null)
                {
                    continue;
                }

                var why = category == slot.Category
                    ? $"no {ClinicalText.Words(slot.Category)} exercise of difficulty {slot.MinDifficulty}-{slot.MaxDifficulty} fits the limits; {substitute.Name} (difficulty {substitute.Difficulty}) is the closest safe one"
                    : $"no {ClinicalText.Words(slot.Category)} exercise fits the limits; {substitute.Name} ({ClinicalText.Words(category)}, difficulty {substitute.Difficulty}) is the closest safe substitute";
                Add(substitute, Dose(substitute), Item(substitute, slotIndex, $"{Rationale(slotIndex, slot, substitute)} Substituted: {why}."));
                warnings.Add($"{slotName}: {why}.");
                return true;
            }

            return false;
        }

        /// <summary>What the therapist could change so that the slot fills: equipment, a limit, more time, or an earlier phase.</summary>
        private string Suggest(Slot slot, List<Exercise> rejected)
        {
            var hints = new List<string>();
            foreach (var exercise in rejected)
            {
                var missing = Constraints.MissingEquipment(exercise);
                var unsafeRules = SafetyRules.Check(exercise, precautions, Dose(exercise));
                if (unsafeRules.Count == 0 && missing.Count > 0)
                {
                    hints.Add($"with {ClinicalText.Words(missing)} at home, {exercise.Name} would fit");
                }
                else if (unsafeRules.Count == 0 && missing.Count == 0 && exercise.Delivery == Delivery.Home)
                {
                    hints.Add($"allowing about {SessionLength.Minutes(usedSeconds + Dose(exercise).EstimatedSeconds)} minutes a session would fit {exercise.Name}");
                }
                else if (unsafeRules.Count == 1 && missing.Count == 0 && unsafeRules[0].Rule is SafetyRules.WeightBearingRule or SafetyRules.RomLimitRule or SafetyRules.UpperLimbWeightBearingRule
                    && IsPatientLimit(exercise))
                {
                    hints.Add($"if the patient's own limit can be relaxed ({exercise.Name} {unsafeRules[0].Detail})");
                }

                if (hints.Count == 2)
                {
                    break;
                }
            }

            if (hints.Count == 0)
            {
                hints.Add(phase.Number > 1
                    ? $"no {ClinicalText.Words(slot.Category)} exercise of this slot is safe under the current precautions: consider phase {phase.Number - 1}, or choose an exercise by hand"
                    : $"no {ClinicalText.Words(slot.Category)} exercise of this slot is safe under the current precautions: choose an exercise by hand or leave the slot empty");
            }

            return $" To fill it: {string.Join("; or ", hints)}.";
        }

        /// <summary>Whether the exercise breaks only the patient's own limits, not the phase's: a limit the therapist may relax.</summary>
        private bool IsPatientLimit(Exercise exercise) =>
            SafetyRules.IsSafe(exercise, withoutPatientLimits.Value);

        private bool TrainsTargetRegion(Exercise exercise, Slot slot)
        {
            var targets = slot.BodyRegions.Count > 0 ? slot.BodyRegions : condition.BodyRegions;
            return targets.Count == 0 || exercise.BodyRegions.Any(targets.Contains);
        }

        private bool IsEligible(Exercise exercise) =>
            !chosen.Contains(exercise.Id) && !excluded.Contains(exercise.Id) && IsAllowed(exercise);

        /// <summary>Whether the patient can have the exercise now: hard rules, equipment and time, without building any text.</summary>
        private bool IsAllowed(Exercise exercise)
        {
            // The phase profile never changes a load, so the safety check needs no shaped dose; only time does.
            if (!SafetyRules.IsSafe(exercise, precautions, null))
            {
                return false;
            }

            if (Constraints.MissingEquipment(exercise).Count > 0)
            {
                return false;
            }

            return exercise.Delivery != Delivery.Home || !ExceedsTime(Dose(exercise));
        }

        private string FirstReason(Exercise exercise) => Reasons(exercise, null) is [var first, ..] ? first : "is not available";

        /// <summary>Why the patient cannot have this exercise now (hard rules, then budgets); empty when they can.</summary>
        private List<string> Reasons(Exercise exercise, Dose? dose)
        {
            var reasons = SafetyRules.Check(exercise, precautions, dose ?? Dose(exercise)).Select(v => v.Detail).ToList();
            if (Constraints.MissingEquipment(exercise) is { Count: > 0 } missing)
            {
                reasons.Add($"needs {ClinicalText.Words(missing)}, which the patient does not have");
            }

            if (exercise.Delivery == Delivery.Home && ExceedsTime(dose ?? Dose(exercise)))
            {
                reasons.Add($"would take the session past {MaxMinutes} minutes");
            }

            return reasons;
        }

        private bool ExceedsTime(Dose dose) => usedSeconds + dose.EstimatedSeconds > BudgetSeconds;

        private Dose Dose(Exercise exercise)
        {
            if (!doses.TryGetValue(exercise.Id, out var dose))
            {
                doses[exercise.Id] = dose = DoseFor(exercise, phase.DoseProfile, request.Side, condition.BodyRegions);
            }

            return dose;
        }

        private static PrescriptionItem Item(Exercise exercise, int slotIndex, string rationale) => new()
        {
            ExerciseId = exercise.Id,
            Name = exercise.Name,
            Category = exercise.Category,
            Dose = default!,
            Delivery = exercise.Delivery,
            Rationale = rationale,
            Slot = slotIndex + 1,
        };

        private void Add(Exercise exercise, Dose dose, PrescriptionItem item)
        {
            chosen.Add(exercise.Id);
            patterns[Pattern(exercise)] = patterns.GetValueOrDefault(Pattern(exercise)) + 1;
            if (exercise.Delivery == Delivery.Home)
            {
                usedSeconds += dose.EstimatedSeconds;
                homeItems.Add(item with { Dose = dose });
            }
            else
            {
                clinicItems.Add(item with { Dose = dose });
            }
        }

        /// <summary>A movement pattern, roughly: where in the body, in which position.</summary>
        private static (BodyRegion, Position) Pattern(Exercise exercise) => (exercise.BodyRegions[0], exercise.Position);

        private string Rationale(int slotIndex, Slot slot, Exercise exercise)
        {
            var purpose = slot.Purpose is null ? string.Empty : $", to {slot.Purpose}";
            var regions = exercise.BodyRegions.Where(condition.BodyRegions.Contains).ToArray();
            var fit = regions.Length > 0 ? $"trains the {ClinicalText.Words(regions)}" : $"trains the {ClinicalText.Words(exercise.BodyRegions)}";
            var stopRules = phase.DoseProfile.For(exercise.Category)?.StopRules is { Count: > 0 } rules && exercise.Delivery == Delivery.Home
                ? $" Stop rules: {string.Join(" ", rules)}"
                : string.Empty;
            return string.Create(CultureInfo.InvariantCulture,
                $"Slot {slotIndex + 1} of phase {phase.Number} ({ClinicalText.Words(slot.Category)}{purpose}): difficulty {exercise.Difficulty} for a target of {slot.MinDifficulty}-{slot.MaxDifficulty}, {fit}, done {(exercise.Delivery == Delivery.Home ? "at home" : "in clinic")}. Checked: {checkedLimits}.{stopRules}");
        }

        private string Summarize(List<Exercise> rejected) =>
            rejected.Count == 0
                ? "no candidates left"
                : string.Join("; ", rejected.Take(3).Select(e => $"{e.Name} {FirstReason(e)}")) + (rejected.Count > 3 ? $"; and {rejected.Count - 3} more" : string.Empty);

        private static string DescribeLimits(Precautions precautions, PatientConstraints constraints)
        {
            var equipment = constraints.Equipment is null ? "any equipment"
                : constraints.Equipment.Count == 0 ? "no equipment at hand"
                : $"equipment at hand ({ClinicalText.Words(constraints.Equipment)})";
            return $"{PrecautionText.Describe(precautions)}; {equipment}";
        }
    }
}
