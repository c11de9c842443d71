using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Runs the engine or the edit review and turns what they refuse into 400 (malformed) or 422 (a hard rule) problems.</summary>
public static class ProgramChecks
{
    public static AssembledProgram Assemble(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<PrescriptionItem>? keep = null)
    {
        var result = ProgramAssembler.Assemble(library, request, keep ?? []);
        if (result.Program is null)
        {
            var errors = new ValidationErrors();
            errors.AddRange(result.Problems);
            errors.ThrowIfAny();
        }

        return result.Program!;
    }

    /// <summary>A stored prescription's phase in this library version, or 409 when the library no longer has it.</summary>
    public static Phase PhaseOf(ExerciseLibrary library, string conditionId, int phase)
    {
        ArgumentNullException.ThrowIfNull(library);
        return library.FindCondition(conditionId)?.FindPhase(phase)
            ?? throw new ApiProblemException(Problems.Conflict($"Library {library.Version} has no {conditionId} phase {phase}."));
    }

    public static AssembledProgram Review(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<ProposedItem> proposed)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phase = PhaseOf(library, request.ConditionId, request.Phase);
        var review = ItemReview.Review(library, phase, request, proposed);
        if (review.InvalidFields.Count > 0)
        {
            var errors = new ValidationErrors();
            errors.AddRange(review.InvalidFields);
            errors.ThrowIfAny();
        }

        if (review.RuleViolations.Count > 0)
        {
            var violations = new ValidationErrors();
            violations.AddRange(review.RuleViolations);
            throw new ApiProblemException(Problems.RuleViolation(violations.ToDictionary()));
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
