using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Prescriptions;

/// <summary>Runs the engine or the edit review and turns what they refuse into validation (malformed) or rule-violation outcomes.</summary>
public static class ProgramChecks
{
    public static Outcome<AssembledProgram> Assemble(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<PrescriptionItem>? keep = null)
    {
        var result = ProgramAssembler.Assemble(library, request, keep ?? []);
        return result.Program is { } program ? program : Failure.Validation(FieldErrors.From(result.Problems.Select(p => (p.Field, p.Message))));
    }

    /// <summary>A stored prescription's phase in this library version, or a conflict when the library no longer has it.</summary>
    public static Outcome<Phase> PhaseOf(ExerciseLibrary library, string conditionId, int phase)
    {
        ArgumentNullException.ThrowIfNull(library);
        return library.FindCondition(conditionId)?.FindPhase(phase) is { } found
            ? found
            : Failure.Conflict($"Library {library.Version} has no {conditionId} phase {phase}.");
    }

    public static Outcome<AssembledProgram> Review(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<ProposedItem> proposed)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        var phase = PhaseOf(library, request.ConditionId, request.Phase);
        if (!phase.Succeeded)
        {
            return phase.Cast<AssembledProgram>();
        }

        var review = ItemReview.Review(library, phase.Value!, request, proposed);
        if (review.InvalidFields.Count > 0)
        {
            return Failure.Validation(FieldErrors.From(review.InvalidFields.Select(p => (p.Field, p.Message))));
        }

        if (review.RuleViolations.Count > 0)
        {
            return Failure.RuleViolation(FieldErrors.From(review.RuleViolations.Select(p => (p.Field, p.Message))));
        }

        return new AssembledProgram
        {
            ConditionId = request.ConditionId,
            Phase = request.Phase,
            LibraryVersion = library.Version,
            Items = review.Items,
            ClinicItems = review.ClinicItems,
            EstimatedMinutesPerSession = review.EstimatedMinutesPerSession,
            Warnings = [],
        };
    }
}
