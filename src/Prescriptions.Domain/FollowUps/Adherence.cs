using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// Adherence from check-ins: each check-in's completed sessions count in the program week of its date; a week's
/// prescribed sessions are the program's days per week (pro rata for the week in progress) times its sessions per day. A week's surplus does
/// not make up for another week's shortfall, so the overall figure counts at most the prescribed sessions per week.
/// </summary>
public static class Adherence
{
    public const int RemoteMonitoringWindowDays = 30;
    public const int RemoteMonitoringDaysRequired = 16;

    public static AdherenceReport Compute(Prescription prescription, IReadOnlyList<CheckIn> checkIns, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(checkIns);
        var daysPerWeek = prescription.TrainingDaysPerWeek();
        var perDay = prescription.TrainingSessionsPerDay();
        var sessions = checkIns.Select(c => new SessionDay(c.Date, c.CompletedSessions)).ToList();
        var weeks = StartDate(prescription) is { } start ? ProgramWeeks(daysPerWeek, perDay, start, prescription.Weeks, sessions, start, today) : [];
        var doneCounted = weeks.Sum(w => Math.Min(w.DoneSessions, w.PrescribedSessions));
        var prescribedTotal = weeks.Sum(w => w.PrescribedSessions);
        var windowStart = today.AddDays(1 - RemoteMonitoringWindowDays);
        var daysWithData = checkIns.Select(c => c.Date).Where(d => d >= windowStart && d <= today).Distinct().Count();
        return new AdherenceReport(
            daysPerWeek,
            weeks,
            weeks.Sum(w => w.DoneSessions),
            prescribedTotal,
            Percent(doneCounted, prescribedTotal),
            new RemoteMonitoringDays(RemoteMonitoringWindowDays, windowStart, today, daysWithData, daysWithData >= RemoteMonitoringDaysRequired));
    }

    /// <summary>
    /// The same rule over the last <paramref name="days"/> days to <paramref name="today"/> only: each program week counts
    /// the part of it inside the window (prescribed pro rata), a week's surplus still not making up for another's shortfall.
    /// Null when nothing was prescribed in the window (not started, or ended before it).
    /// </summary>
    public static int? RecentPercent(int daysPerWeek, DateOnly? start, int? programWeeks, IReadOnlyList<SessionDay> sessions, DateOnly today, int days, int sessionsPerDay = 1)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (start is not { } first)
        {
            return null;
        }

        var weeks = ProgramWeeks(daysPerWeek, sessionsPerDay, first, programWeeks, sessions, today.AddDays(1 - days), today);
        return Percent(weeks.Sum(w => Math.Min(w.DoneSessions, w.PrescribedSessions)), weeks.Sum(w => w.PrescribedSessions));
    }

    /// <summary>The first day of the program: its start date, else the day it was activated in the patient's time zone.</summary>
    public static DateOnly? StartDate(Prescription prescription)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        if (prescription.ActivatedAt is not { } activatedAt)
        {
            return prescription.StartDate;
        }

        var activated = LocalDate(activatedAt, prescription);
        return prescription.StartDate is { } start && start > activated ? start : activated;
    }

    /// <summary>The patient's calendar date at an instant (UTC without a follow-up contact).</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, Prescription prescription)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return LocalDate(instant, prescription.FollowUp?.TimeZone);
    }

    /// <summary>The calendar date at an instant in a time zone (UTC when none).</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string? timeZone)
    {
        var zone = timeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>The program weeks from <paramref name="start"/> up to today (and the program's end), each cut to the days from <paramref name="countFrom"/>.</summary>
    private static List<WeekAdherence> ProgramWeeks(int daysPerWeek, int sessionsPerDay, DateOnly start, int? programWeeks, IReadOnlyList<SessionDay> sessions, DateOnly countFrom, DateOnly today)
    {
        var weeks = new List<WeekAdherence>();
        var last = programWeeks is { } count ? Min(today, start.AddDays((count * 7) - 1)) : today;
        for (var (week, from) = (1, start); from <= last; week++, from = from.AddDays(7))
        {
            var counted = from < countFrom ? countFrom : from;
            var to = Min(from.AddDays(6), last);
            if (counted > to)
            {
                continue;
            }

            var prescribed = sessionsPerDay * (int)Math.Round(daysPerWeek * (to.DayNumber - counted.DayNumber + 1) / 7.0, MidpointRounding.AwayFromZero);
            var done = sessions.Where(s => s.Date >= counted && s.Date <= to).Sum(s => s.Sessions);
            weeks.Add(new WeekAdherence(week, counted, to, done, prescribed, Percent(done, prescribed)));
        }

        return weeks;
    }

    private static int? Percent(int done, int prescribed) =>
        prescribed == 0 ? null : (int)Math.Round(100.0 * Math.Min(done, prescribed) / prescribed, MidpointRounding.AwayFromZero);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
