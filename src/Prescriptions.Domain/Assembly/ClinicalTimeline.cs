using Prescriptions.Domain.Library;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Assembly;

/// <summary>
/// Time since surgery or injury for one request, as evidence the criteria can be judged by. A date given on
/// the request is counted to the day the program is assembled; without one the engine assumes the earliest
/// day the phase allows (its own "days since" entry criterion, or the minimum days of the phases before it),
/// so time gates hold as long as the protocol says they may.
/// </summary>
public sealed record ClinicalTimeline(int? DaysSinceSurgery, bool SurgeryAssumed, int? DaysSinceInjury, bool InjuryAssumed, DateTimeOffset AsOf)
{
    public const string DaysSinceSurgeryMeasure = "daysSinceSurgery";
    public const string DaysSinceInjuryMeasure = "daysSinceInjury";
    public const string Source = "the surgery or injury date on the request";
    public const string AssumedSource = "the earliest day this phase allows (no date given)";

    public static ClinicalTimeline For(Condition condition, Phase phase, AssemblyRequest request)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOf ?? request.Evidence.Select(e => e.RecordedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        int? Since(DateOnly? date) => date is { } d && request.AsOf is not null ? Math.Max(0, today.DayNumber - d.DayNumber) : null;
        var surgery = Since(request.SurgeryDate);
        var injury = Since(request.InjuryDate);
        return new ClinicalTimeline(
            surgery ?? EarliestDay(condition, phase, DaysSinceSurgeryMeasure), surgery is null,
            injury ?? EarliestDay(condition, phase, DaysSinceInjuryMeasure), injury is null,
            asOf);
    }

    /// <summary>The first day of the phase by the protocol: its entry criterion on time, or the minimum days of the phases before it.</summary>
    public static int EarliestDay(Condition condition, Phase phase, string measure)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(phase);
        var byPhases = condition.Phases.Where(p => p.Number < phase.Number).Sum(p => p.MinDays);
        var byCriterion = phase.EntryCriteria
            .Where(c => c.Measure == measure && c.Comparator is Comparator.Gte or Comparator.Gt)
            .Select(c => (int)Math.Ceiling(c.Threshold) + (c.Comparator == Comparator.Gt ? 1 : 0))
            .DefaultIfEmpty(0)
            .Max();
        return Math.Max(byPhases, byCriterion);
    }

    /// <summary>The time evidence: measured (from a date) only, or with the assumed earliest days too.</summary>
    public IEnumerable<Evidence> Evidence(bool includeAssumed)
    {
        if (DaysSinceSurgery is { } surgery && (includeAssumed || !SurgeryAssumed))
        {
            yield return new Evidence(DaysSinceSurgeryMeasure, surgery, "days", AsOf, SurgeryAssumed ? AssumedSource : Source);
        }

        if (DaysSinceInjury is { } injury && (includeAssumed || !InjuryAssumed))
        {
            yield return new Evidence(DaysSinceInjuryMeasure, injury, "days", AsOf, InjuryAssumed ? AssumedSource : Source);
        }
    }
}
