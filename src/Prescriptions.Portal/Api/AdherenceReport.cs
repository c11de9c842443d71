namespace Prescriptions.Portal.Api;

/// <summary>Adherence per programme week and overall (openapi.json's AdherenceReport).</summary>
public sealed record AdherenceReport(int DaysPerWeek, IReadOnlyList<WeekAdherence> Weeks, int DoneSessions, int PrescribedSessions, int? Percent);
