namespace Prescriptions.Domain.FollowUps;

/// <summary>A planned message waiting in the schedule: which prescription it belongs to, and how often sending it failed.</summary>
public sealed record PendingFollowUp(string ClinicId, string PrescriptionId, ScheduledFollowUp Message, int Attempts = 0);
