namespace Prescriptions.Portal.Api;

/// <summary>A measurable gate of a phase (openapi.json's Criterion).</summary>
public sealed record PhaseCriterion(string Measure, string Comparator, double Threshold, string Unit, string? Description);
