namespace Prescriptions.Portal.Api;

/// <summary>Whether the patient may leave the current phase (openapi.json's ReadinessReport).</summary>
public sealed record ReadinessReport(int Phase, bool Ready, int DaysInPhase, int MinDays, IReadOnlyList<CriterionReadiness> Criteria);
