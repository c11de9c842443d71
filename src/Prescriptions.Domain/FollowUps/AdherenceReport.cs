namespace Prescriptions.Domain.FollowUps;

/// <summary>Sessions done against sessions prescribed, per program week and overall, and the days with data for remote monitoring.</summary>
public sealed record AdherenceReport(
    int DaysPerWeek,
    IReadOnlyList<WeekAdherence> Weeks,
    int DoneSessions,
    int PrescribedSessions,
    int? Percent,
    RemoteMonitoringDays RemoteMonitoring);

/// <summary>One program week (week 1 starts on the start date); the current week's prescription is counted pro rata.</summary>
public sealed record WeekAdherence(int Week, DateOnly From, DateOnly To, int DoneSessions, int PrescribedSessions, int? Percent);

/// <summary>Days with patient data in the last <see cref="WindowDays"/> days (remote therapeutic monitoring asks for 16 of 30).</summary>
public sealed record RemoteMonitoringDays(int WindowDays, DateOnly From, DateOnly To, int DaysWithData, bool MeetsSixteenDayThreshold);
