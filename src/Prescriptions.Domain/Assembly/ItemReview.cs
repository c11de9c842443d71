using System.Globalization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Re-checks a therapist's edited item list against the same hard rules the engine keeps: the phase's
/// and the patient's precautions, equipment at hand, exclusions, no duplicates, dose bounds and budgets.
/// </summary>
public static class ItemReview
{
    public static ItemReviewResult Review(ExerciseLibrary library, Phase phase, AssemblyRequest request, IReadOnlyList<ProposedItem> proposed)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(proposed);
        var constraints = request.Constraints;
        var (precautions, conditionProblems) = PrecautionSet.For(library, phase, request);
        var invalid = new List<RequestProblem>(conditionProblems);
        var rules = new List<RequestProblem>();
        var home = new List<PrescriptionItem>();
        var clinic = new List<PrescriptionItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seconds = 0;
        var rationale = new ReviewedItemRationale(library, phase, request, precautions);

        for (var i = 0; i < proposed.Count; i++)
        {
            var path = $"items[{i}]";
            var item = proposed[i];
            var exercise = library.FindExercise(item.ExerciseId);
            if (exercise is null)
            {
                invalid.Add(new($"{path}.exerciseId", $"'{item.ExerciseId}' is not an exercise of library {library.Version}"));
                continue;
            }

            var dose = item.Dose ?? ProgramAssembler.DoseFor(exercise, phase.DoseProfile, request.Side, library.FindCondition(request.ConditionId)?.BodyRegions);
            foreach (var (field, message) in DoseBounds.Check(dose))
            {
                invalid.Add(new($"{path}.dose.{field}", message));
            }

            if (!seen.Add(exercise.Id))
            {
                rules.Add(new(path, $"duplicate: {exercise.Id} is already in the program"));
            }

            if (constraints.ExcludeExerciseIds.Contains(exercise.Id, StringComparer.Ordinal))
            {
                rules.Add(new(path, $"excluded: {exercise.Id} is in the patient's exclusions"));
            }

            var missing = constraints.MissingEquipment(exercise);
            if (missing.Count > 0)
            {
                rules.Add(new(path, $"equipment: needs {ClinicalText.Words(missing)}, which the patient does not have"));
            }

            foreach (var violation in SafetyRules.Check(exercise, precautions, dose))
            {
                rules.Add(new(path, $"{violation.Rule}: {exercise.Id} {violation.Detail}"));
            }

            var accepted = new PrescriptionItem
            {
                ExerciseId = exercise.Id,
                Name = exercise.Name,
                Category = exercise.Category,
                Dose = dose,
                Delivery = exercise.Delivery,
                Notes = item.Notes,
                Source = ItemSource.Therapist,
                Rationale = rationale.For(exercise, dose),
            };
            if (exercise.Delivery == Delivery.Home)
            {
                seconds += dose.EstimatedSeconds;
                home.Add(accepted);
            }
            else
            {
                clinic.Add(accepted);
            }
        }

        if (home.Count > constraints.MaxExercises)
        {
            rules.Add(new("items", $"budget: {home.Count} home exercises; the patient's maximum is {constraints.MaxExercises}"));
        }

        if (constraints.MaxMinutesPerSession is { } minutes && seconds > minutes * 60)
        {
            rules.Add(new("items", string.Create(CultureInfo.InvariantCulture,
                $"budget: a session takes about {SessionLength.Minutes(seconds)} minutes; the patient's maximum is {minutes}")));
        }

        return new ItemReviewResult(home, clinic, SessionLength.Minutes(seconds), invalid, rules);
    }
}
