namespace Prescriptions.Portal.Api;

/// <summary>A therapist's measurement for an exit criterion (openapi.json's MeasurementRequest), recorded now.</summary>
public sealed record MeasurementInput(string Measure, double Value, string Unit);
