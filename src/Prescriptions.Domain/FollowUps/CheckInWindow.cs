using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// The days a check-in may name, in the patient's calendar: from the programme's first day (its start date, or the day
/// it was activated), at most <see cref="CheckIn.MaxAgeDays"/> days back, to today. <see cref="Days"/> are the ones the
/// page offers: those not yet reported, newest first, and today always (a second check-in of a day replaces the first).
/// </summary>
public sealed record CheckInWindow(DateOnly Today, DateOnly FirstDay, DateOnly Earliest, IReadOnlyList<DateOnly> Days)
{
    /// <summary>False before the programme's first day: nothing can be reported yet.</summary>
    public bool HasStarted => FirstDay <= Today;

    public bool Allows(DateOnly date) => HasStarted && date >= Earliest && date <= Today;

    public static CheckInWindow For(Prescription prescription, DateTimeOffset now, IEnumerable<DateOnly> reported)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(reported);
        var today = Adherence.LocalDate(now, prescription);
        var firstDay = Adherence.StartDate(prescription) ?? Adherence.LocalDate(prescription.CreatedAt, prescription);
        var limit = today.AddDays(-CheckIn.MaxAgeDays);
        var earliest = firstDay > limit ? firstDay : limit;
        var done = reported.ToHashSet();
        List<DateOnly> days = [];
        for (var day = today; day >= earliest; day = day.AddDays(-1))
        {
            if (day == today || !done.Contains(day))
            {
                days.Add(day);
            }
        }

        return new(today, firstDay, earliest, days);
    }
}
