using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Whether the evidence given lets the patient into the requested phase: each entry criterion judged against
/// the request's dates and measurements. An assumed day (no date given) is no evidence: the criterion is unknown.
/// </summary>
public static class PhaseEntry
{
    public static IReadOnlyList<CriterionReadiness> Judge(Condition condition, Phase phase, AssemblyRequest request)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(request);
        var timeline = ClinicalTimeline.For(condition, phase, request);
        var evidence = request.Evidence.Concat(timeline.Evidence(includeAssumed: false));
        return ReadinessEvaluator.JudgeAll(phase.EntryCriteria, evidence, timeline.AsOf);
    }
}
