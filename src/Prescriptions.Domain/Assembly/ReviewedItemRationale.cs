using System.Globalization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// The reason shown for an item of a therapist's edited list, as clinical as the engine's own: the engine's reason when the
/// engine would choose the same exercise for this request (a kept item keeps its reason through every save), else the
/// slot of the phase the exercise fits and what it trains, else what it trains outside the phase's slots; always the
/// limits it was checked against.
/// </summary>
public sealed class ReviewedItemRationale
{
    private readonly Dictionary<string, PrescriptionItem> engineChoices;
    private readonly Condition? condition;
    private readonly Phase phase;
    private readonly string checkedLimits;

    public ReviewedItemRationale(ExerciseLibrary library, Phase phase, AssemblyRequest request, Precautions precautions)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(precautions);
        this.phase = phase ?? throw new ArgumentNullException(nameof(phase));
        condition = library.FindCondition(request.ConditionId);
        checkedLimits = PrecautionText.Describe(precautions);
        var engine = ProgramAssembler.Assemble(library, request).Program;
        engineChoices = engine is null
            ? new Dictionary<string, PrescriptionItem>(StringComparer.Ordinal)
            : engine.Items.Concat(engine.ClinicItems).ToDictionary(item => item.ExerciseId, StringComparer.Ordinal);
    }

    public string For(Exercise exercise, Dose dose)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(dose);
        if (engineChoices.TryGetValue(exercise.Id, out var chosen))
        {
            return chosen.Dose == dose ? chosen.Rationale : $"{chosen.Rationale} Dose set by the therapist.";
        }

        var regions = condition is null ? [] : exercise.BodyRegions.Where(condition.BodyRegions.Contains).ToArray();
        var trains = ClinicalText.Words(regions.Length > 0 ? regions : exercise.BodyRegions);
        var where = exercise.Delivery == Delivery.Home ? "at home" : "in clinic";
        var slotIndex = FittingSlot(exercise);
        if (slotIndex < 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Chosen by the therapist beyond the slots of phase {phase.Number}: {ClinicalText.Words(exercise.Category)} at difficulty {exercise.Difficulty}, trains the {trains}, done {where}. Checked: {checkedLimits}.");
        }

        var slot = phase.Slots[slotIndex];
        var purpose = slot.Purpose is null ? string.Empty : $", to {slot.Purpose}";
        return string.Create(CultureInfo.InvariantCulture,
            $"Chosen by the therapist for slot {slotIndex + 1} of phase {phase.Number} ({ClinicalText.Words(slot.Category)}{purpose}): difficulty {exercise.Difficulty} for a target of {slot.MinDifficulty}-{slot.MaxDifficulty}, trains the {trains}, done {where}. Checked: {checkedLimits}.");
    }

    /// <summary>The first slot whose category, delivery, difficulty and regions the exercise fits; -1 when none does.</summary>
    private int FittingSlot(Exercise exercise)
    {
        for (var i = 0; i < phase.Slots.Count; i++)
        {
            var slot = phase.Slots[i];
            if (slot.Category == exercise.Category
                && slot.Delivery == exercise.Delivery
                && exercise.Difficulty >= slot.MinDifficulty && exercise.Difficulty <= slot.MaxDifficulty
                && (slot.BodyRegions.Count == 0 || exercise.BodyRegions.Any(slot.BodyRegions.Contains)))
            {
                return i;
            }
        }

        return -1;
    }
}
