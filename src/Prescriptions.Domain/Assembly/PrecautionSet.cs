using Prescriptions.Domain.Library;
using Prescriptions.Domain.Safety;

namespace Prescriptions.Domain.Assembly;

/// <summary>Everything an exercise must keep for one request: the phases' and the patient's precautions combined.</summary>
public static class PrecautionSet
{
    /// <summary>The combined precautions, or the problems naming an unknown further condition or phase.</summary>
    public static (Precautions Precautions, IReadOnlyList<RequestProblem> Problems) For(ExerciseLibrary library, Phase phase, AssemblyRequest request)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var precautions = SafetyRules.Combine(phase.Precautions, request.Constraints.ToPrecautions());
        for (var i = 0; i < request.OtherConditions.Count; i++)
        {
            var other = request.OtherConditions[i];
            var otherPhase = library.FindCondition(other.ConditionId)?.FindPhase(other.Phase);
            if (otherPhase is null)
            {
                problems.Add(new($"otherConditions[{i}]", $"'{other.ConditionId}' phase {other.Phase} is not in library {library.Version}"));
                continue;
            }

            precautions = SafetyRules.Combine(precautions, otherPhase.Precautions);
        }

        return (precautions, problems);
    }
}
