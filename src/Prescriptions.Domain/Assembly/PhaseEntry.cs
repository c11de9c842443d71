using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Whether the evidence given lets the patient into the requested phase: each entry criterion judged against
/// the request's dates and measurements. An assumed day (no date given) is no evidence: the criterion is unknown.
/// When a date is given and the phase names no time criterion of its own, the phases before it set a time floor
/// (the sum of their minimum days), judged like any criterion: progression is by criteria, with time as a floor.
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
        return ReadinessEvaluator.JudgeAll([.. phase.EntryCriteria, .. TimeFloor(condition, phase, timeline)], evidence, timeline.AsOf);
    }

    private static IEnumerable<Criterion> TimeFloor(Condition condition, Phase phase, ClinicalTimeline timeline)
    {
        var floor = condition.Phases.Where(p => p.Number < phase.Number).Sum(p => p.MinDays);
        var measure = !timeline.SurgeryAssumed ? ClinicalTimeline.DaysSinceSurgeryMeasure
            : !timeline.InjuryAssumed ? ClinicalTimeline.DaysSinceInjuryMeasure
            : null;
        if (floor == 0 || measure is null || phase.EntryCriteria.Any(c => c.Measure is ClinicalTimeline.DaysSinceSurgeryMeasure or ClinicalTimeline.DaysSinceInjuryMeasure))
        {
            yield break;
        }

        var since = measure == ClinicalTimeline.DaysSinceSurgeryMeasure ? "surgery" : "the injury";
        yield return new Criterion(measure, Comparator.Gte, floor, "days",
            $"At least {floor} days since {since} (the minimum days of the phases before phase {phase.Number})");
    }
}
