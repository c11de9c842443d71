namespace Prescriptions.Portal.Api;

/// <summary>One exit criterion judged: met, notMet or unknown (no recent evidence), with why (openapi.json's CriterionReadiness).</summary>
public sealed record CriterionReadiness(ExitCriterion Criterion, string Status, string Explanation, Evidence? Evidence)
{
    public bool IsMet => Status == "met";
}
