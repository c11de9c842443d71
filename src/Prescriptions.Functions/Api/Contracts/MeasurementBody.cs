namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST .../measurements: a therapist's measurement, such as kneeFlexionDegrees 118 degrees.</summary>
public sealed record MeasurementBody(string? Measure, double? Value, string? Unit, DateTimeOffset? RecordedAt);
