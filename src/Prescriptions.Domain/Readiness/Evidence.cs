namespace Prescriptions.Domain.Readiness;

/// <summary>
/// One observation a criterion can be judged by: a check-in value (pain, adherence) or a measurement a
/// therapist recorded (knee flexion, quadriceps symmetry), with when and from where.
/// </summary>
public sealed record Evidence(string Measure, double Value, string Unit, DateTimeOffset RecordedAt, string Source);
