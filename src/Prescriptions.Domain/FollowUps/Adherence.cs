using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// Adherence from check-ins: each check-in's completed sessions count in the program week of its date; a week's
/// prescribed sessions are the program's days per week (pro rata for the week in progress). A week's surplus does
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
        var weeks = new List<WeekAdherence>();
        if (StartDate(prescription) is { } start && start <= today)
        {
            var last = prescription.Weeks is { } count ? Min(today, start.AddDays((count * 7) - 1)) : today;
            for (var (week, from) = (1, start); from <= last; week++, from = from.AddDays(7))
            {
                var to = Min(from.AddDays(6), last);
                var prescribed = (int)Math.Round(daysPerWeek * (to.DayNumber - from.DayNumber + 1) / 7.0, MidpointRounding.AwayFromZero);
                var done = checkIns.Where(c => c.Date >= from && c.Date <= to).Sum(c => c.CompletedSessions);
                weeks.Add(new WeekAdherence(week, from, to, done, prescribed, Percent(done, prescribed)));
            }
        }

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
        var zone = prescription.FollowUp is { } followUp ? TimeZoneInfo.FindSystemTimeZoneById(followUp.TimeZone) : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    private static int? Percent(int done, int prescribed) =>
        prescribed == 0 ? null : (int)Math.Round(100.0 * Math.Min(done, prescribed) / prescribed, MidpointRounding.AwayFromZero);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
