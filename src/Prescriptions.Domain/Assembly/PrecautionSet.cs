using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Everything an exercise must keep for one request: the phases' and the patient's precautions combined, with
/// every gate (of the condition, of the phase, and of each other condition) that the evidence does not lift.
/// </summary>
public static class PrecautionSet
{
    /// <summary>The combined precautions, or the problems naming an unknown further condition or phase.</summary>
    public static (Precautions Precautions, IReadOnlyList<RequestProblem> Problems) For(ExerciseLibrary library, Phase phase, AssemblyRequest request)
    {
        var resolved = Resolve(library, phase, request);
        return (resolved.Precautions, resolved.Problems);
    }

    /// <summary>The combined precautions with the gates that hold (and why), or the problems naming an unknown further condition or phase.</summary>
    public static RequestPrecautions Resolve(ExerciseLibrary library, Phase phase, AssemblyRequest request)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var held = new List<PrecautionGate>();
        var precautions = SafetyRules.Combine(phase.Precautions, request.Constraints.ToPrecautions());
        if (library.FindCondition(request.ConditionId) is { } condition)
        {
            precautions = ApplyGates(condition, phase, request, request.Evidence, precautions, held);
        }

        for (var i = 0; i < request.OtherConditions.Count; i++)
        {
            var other = request.OtherConditions[i];
            var otherCondition = library.FindCondition(other.ConditionId);
            var otherPhase = otherCondition?.FindPhase(other.Phase);
            if (otherPhase is null)
            {
                problems.Add(new($"otherConditions[{i}]", $"'{other.ConditionId}' phase {other.Phase} is not in library {library.Version}"));
                continue;
            }

            // The request's dates belong to the main condition: another condition's time gates hold as at its phase's earliest day.
            var otherRequest = request with { ConditionId = otherCondition!.Id, Phase = otherPhase.Number, SurgeryDate = null, InjuryDate = null };
            precautions = SafetyRules.Combine(precautions, otherPhase.Precautions);
            precautions = ApplyGates(otherCondition, otherPhase, otherRequest, request.Evidence, precautions, held);
        }

        return new RequestPrecautions(precautions, held, problems);
    }

    private static Precautions ApplyGates(Condition condition, Phase phase, AssemblyRequest request, IReadOnlyList<Evidence> measured, Precautions precautions, List<PrecautionGate> held)
    {
        var timeline = ClinicalTimeline.For(condition, phase, request);
        var evidence = measured.Concat(timeline.Evidence(includeAssumed: true)).ToArray();
        foreach (var gate in condition.Gates.Concat(phase.Gates))
        {
            var lifted = ReadinessEvaluator.JudgeAll(gate.LiftedWhen, evidence, timeline.AsOf).All(c => c.Status == CriterionStatus.Met);
            if (!lifted)
            {
                held.Add(gate);
                precautions = SafetyRules.Combine(precautions, gate.Precautions);
            }
        }

        return precautions;
    }
}
