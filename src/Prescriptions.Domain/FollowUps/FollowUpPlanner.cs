using System.Security.Cryptography;
using System.Text;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// Plans the messages of an active prescription with a follow-up contact: a welcome at once, exercise reminders
/// on the prescribed days at the patient's reminder time in their time zone, a check-in request every
/// <c>checkInEveryDays</c>, a phase review once the phase's minimum days have passed, and an end message.
/// Pure: the same prescription and instant always give the same plan (and the same message ids).
/// </summary>
public static class FollowUpPlanner
{
    /// <summary>Without a number of weeks, reminders are planned this far ahead and re-planned on every change.</summary>
    public static readonly int DefaultHorizonDays = 84;

    /// <summary>The plan of a stored prescription, counted from its activation: what the schedule must hold.</summary>
    public static IReadOnlyList<ScheduledFollowUp> Plan(Prescription prescription, int phaseMinDays)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return prescription.ActivatedAt is { } activatedAt ? Plan(prescription, phaseMinDays, activatedAt) : [];
    }

    public static IReadOnlyList<ScheduledFollowUp> Plan(Prescription prescription, int phaseMinDays, DateTimeOffset activatedAt)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        if (prescription.FollowUp is not { OptedOutAt: null } followUp || prescription.Status != PrescriptionStatus.Active)
        {
            return [];
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(followUp.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(activatedAt, zone).DateTime);
        var start = prescription.StartDate is { } startDate && startDate > today ? startDate : today;
        var end = prescription.Weeks is { } weeks ? start.AddDays((weeks * 7) - 1) : start.AddDays(DefaultHorizonDays - 1);
        var plan = new List<ScheduledFollowUp> { Message(prescription, FollowUpKind.Welcome, today, activatedAt) };
        ScheduledFollowUp At(FollowUpKind kind, DateOnly date) => Message(prescription, kind, date, LocalTimes.ToInstant(date, followUp.ReminderTime, zone));

        var daysPerWeek = prescription.TrainingDaysPerWeek();
        var weekdays = SpreadOverWeek(daysPerWeek);
        for (var date = start; date <= end; date = date.AddDays(1))
        {
            var reminder = At(FollowUpKind.ExerciseReminder, date);
            if (weekdays.Contains((date.DayNumber - start.DayNumber) % 7) && reminder.DueAt > activatedAt)
            {
                plan.Add(reminder);
            }
        }

        for (var date = start.AddDays(followUp.CheckInEveryDays); date <= end; date = date.AddDays(followUp.CheckInEveryDays))
        {
            plan.Add(At(FollowUpKind.CheckInRequest, date));
        }

        var phaseStart = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(prescription.PhaseStartedAt ?? activatedAt, zone).DateTime);
        var review = phaseStart.AddDays(Math.Max(1, phaseMinDays));
        if (review <= end)
        {
            plan.Add(At(FollowUpKind.PhaseReview, review));
        }

        if (prescription.Weeks is not null)
        {
            plan.Add(At(FollowUpKind.End, end.AddDays(1)));
        }

        return [.. plan.OrderBy(m => m.DueAt).ThenBy(m => m.Kind)];
    }

    /// <summary>Which days of each week (0 = the start day) carry a reminder: n days spread evenly.</summary>
    public static IReadOnlySet<int> SpreadOverWeek(int daysPerWeek)
    {
        var days = Math.Clamp(daysPerWeek, 0, 7);
        return Enumerable.Range(0, days).Select(i => i * 7 / days).ToHashSet();
    }

    private static ScheduledFollowUp Message(Prescription prescription, FollowUpKind kind, DateOnly date, DateTimeOffset dueAt)
    {
        var name = $"{prescription.Id}|{kind}|{date:yyyy-MM-dd}";
        var id = "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..24];
        return new ScheduledFollowUp(id, kind, dueAt, date);
    }
}
