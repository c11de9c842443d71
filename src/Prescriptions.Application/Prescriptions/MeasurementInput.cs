namespace Prescriptions.Application.Prescriptions;

/// <summary>A measurement as sent, before it is checked.</summary>
public sealed record MeasurementInput(string? Measure, double? Value, string? Unit, DateTimeOffset? RecordedAt);
