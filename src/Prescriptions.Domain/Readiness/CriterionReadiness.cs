using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Readiness;

/// <summary>One exit criterion judged: met, not met or unknown, with the evidence behind it and a sentence saying why.</summary>
public sealed record CriterionReadiness(Criterion Criterion, CriterionStatus Status, string Explanation, Evidence? Evidence = null);
