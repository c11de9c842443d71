namespace Prescriptions.Portal.Api;

/// <summary>A program's check-ins (newest first), adherence and alerts (openapi.json's CheckInSummary).</summary>
public sealed record CheckInReport(string PrescriptionId, IReadOnlyList<PatientCheckIn> CheckIns, AdherenceReport Adherence, IReadOnlyList<AlertDetails> Alerts);
