namespace Prescriptions.Portal.Api;

/// <summary>A measurable gate for leaving a phase, such as pain at rest at most 2 (openapi.json's Criterion).</summary>
public sealed record ExitCriterion(string Measure, string Comparator, double Threshold, string Unit, string? Description);
