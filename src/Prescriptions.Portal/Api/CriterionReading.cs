namespace Prescriptions.Portal.Api;

/// <summary>An entry criterion judged for a preview (openapi.json's CriterionReadiness, the members the builder shows).</summary>
public sealed record CriterionReading(string Status, string Explanation);
