namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST .../measurements: a therapist's measurement, such as kneeFlexionDegrees 118 degrees.</summary>
public sealed record MeasurementBody(string? Measure = null, double? Value = null, string? Unit = null, DateTimeOffset? RecordedAt = null);
