namespace Prescriptions.Portal.Api;

/// <summary>What a patient reported for one day (openapi.json's CheckIn).</summary>
public sealed record PatientCheckIn(DateOnly Date, int CompletedSessions, int PainNow, int PainDuringExercise, string Difficulty, string? Comment);
