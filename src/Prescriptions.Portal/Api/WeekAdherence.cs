namespace Prescriptions.Portal.Api;

/// <summary>Sessions done against prescribed in one programme week (openapi.json's WeekAdherence); no percent when none was prescribed.</summary>
public sealed record WeekAdherence(int Week, DateOnly From, DateOnly To, int DoneSessions, int PrescribedSessions, int? Percent);
