using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Domain.FollowUps;

/// <summary>The days a check-in may name, in the patient's calendar: from the programme's first day (at most 14 days back) to today.</summary>
public readonly record struct CheckInWindow(DateOnly Today, DateOnly Earliest)
{
    public static CheckInWindow For(Prescription prescription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var today = Adherence.LocalDate(now, prescription);
        var firstDay = Adherence.LocalDate(prescription.ActivatedAt ?? prescription.CreatedAt, prescription);
        var limit = today.AddDays(-CheckIn.MaxAgeDays);
        return new(today, firstDay > limit ? firstDay : limit);
    }
}
