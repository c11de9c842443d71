using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Application.Prescriptions;

/// <summary>Runs the engine or the edit review and turns what they refuse into validation (malformed) or rule-violation outcomes.</summary>
public static class ProgramChecks
{
    public static Outcome<AssembledProgram> Assemble(ExerciseLibrary library, AssemblyRequest request, IReadOnlyList<PrescriptionItem>? keep = null)
    {
        var result = ProgramAssembler.Assemble(library, request, keep ?? []);
        return result.Program is { } program ? program : Failure.Validation(FieldErrors.From(result.Problems.Select(p => (p.Field, p.Message))));
    }

    /// <summary>The requested phase's entry criteria judged on the request's dates and measurements (empty for an unknown phase).</summary>
    public static IReadOnlyList<CriterionReadiness> JudgeEntry(ExerciseLibrary library, AssemblyRequest request)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        return library.FindCondition(request.ConditionId) is { } condition && condition.FindPhase(request.Phase) is { } phase
            ? PhaseEntry.Judge(condition, phase, request)
            : [];
    }

    /// <summary>
    /// Null when the patient may enter the requested phase on the evidence given, or when the draft overrides with a
    /// reason; otherwise a conflict naming each entry criterion the evidence shows unmet. No evidence is no block.
    /// </summary>
    public static Failure? EntryBlocked(AssembledProgram program, PrescriptionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(draft);
        var unmet = program.UnmetEntryCriteria.ToArray();
        if (unmet.Length == 0 || !string.IsNullOrWhiteSpace(draft.OverrideReason))
        {
            return null;
        }

        return Failure.Conflict($"The evidence given shows phase {program.Phase}'s entry criteria unmet; send override: true with a reason to create the program anyway.") with
        {
            Errors = unmet.ToDictionary(c => $"entryCriteria.{c.Criterion.Measure}", c => new[] { $"not met: {c.Explanation}" }, StringComparer.Ordinal),
        };
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
            Icd10Codes = library.FindCondition(request.ConditionId)?.CodesFor(request.Side) ?? [],
        };
    }
}
