using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Every exercise of the library judged for a request (condition, phase, side, dates, patient limits, other
/// conditions): the precautions of <see cref="PrecautionSet"/> with every gate still held, equipment at hand and
/// exclusions, so a builder can grey out what it may not add and say why; each with the dose it takes in the phase.
/// </summary>
public static class LibraryEligibility
{
    public static LibraryEligibilityResult Judge(ExerciseLibrary library, AssemblyRequest request)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        var condition = library.FindCondition(request.ConditionId);
        if (condition is null)
        {
            return new([], [new("conditionId", $"'{request.ConditionId}' is not a condition of library {library.Version}")]);
        }

        if (condition.FindPhase(request.Phase) is not { } phase)
        {
            return new([], [new("phase", $"{condition.Name} has phases 1-{condition.Phases.Count}")]);
        }

        var (precautions, problems) = PrecautionSet.For(library, phase, request);
        if (problems.Count > 0)
        {
            return new([], problems);
        }

        var constraints = request.Constraints;
        return new([.. library.Exercises.Select(exercise => new ExerciseEligibility
        {
            ExerciseId = exercise.Id,
            Name = exercise.Name,
            Category = exercise.Category,
            Delivery = exercise.Delivery,
            Difficulty = exercise.Difficulty,
            ForCondition = exercise.BodyRegions.Any(condition.BodyRegions.Contains),
            Dose = ProgramAssembler.DoseFor(exercise, phase.DoseProfile, request.Side, condition.BodyRegions),
            Reasons = Reasons(exercise, precautions, constraints),
        })], []);
    }

    private static List<string> Reasons(Exercise exercise, Precautions precautions, PatientConstraints constraints)
    {
        var reasons = new List<string>();
        if (constraints.ExcludeExerciseIds.Contains(exercise.Id, StringComparer.Ordinal))
        {
            reasons.Add("It is on the patient's exclusions.");
        }

        if (constraints.MissingEquipment(exercise) is { Count: > 0 } missing)
        {
            reasons.Add($"It needs {ClinicalText.Words(missing)}, which the patient does not have.");
        }

        reasons.AddRange(SafetyRules.Check(exercise, precautions).Select(violation => $"It {violation.Detail}."));
        return reasons;
    }
}
