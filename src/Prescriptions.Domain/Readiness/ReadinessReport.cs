using System.Text.Json.Serialization;

namespace Prescriptions.Domain.Readiness;

/// <summary>
/// Whether a patient may leave the current phase: every exit criterion met and the phase's minimum days
/// passed. Time is a floor, never a reason on its own.
/// </summary>
public sealed record ReadinessReport(int Phase, bool Ready, int DaysInPhase, int MinDays, IReadOnlyList<CriterionReadiness> Criteria)
{
    [JsonIgnore]
    public IEnumerable<CriterionReadiness> Unmet => Criteria.Where(c => c.Status != CriterionStatus.Met);
}
