namespace Prescriptions.Domain.Prescriptions;

/// <summary>A measurement a therapist records for a prescription (knee flexion, quadriceps symmetry, ...), evidence for readiness.</summary>
public sealed record Measurement(string Measure, double Value, string Unit, DateTimeOffset RecordedAt, string RecordedBy);
