using System.Globalization;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// What check-ins tell the readiness evaluator: pain at rest and during exercise (NRS) from each check-in, and the
/// adherence of the last two weeks in percent.
/// </summary>
public static class CheckInEvidence
{
    public const string PainAtRest = "painAtRest";
    public const string PainDuringExercise = "painDuringExercise";
    public const string AdherencePercent = "adherencePercent";
    public const int AdherenceWindowDays = 14;

    public static IReadOnlyList<Evidence> From(Prescription prescription, IReadOnlyList<CheckIn> checkIns, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(checkIns);
        var evidence = new List<Evidence>();
        foreach (var checkIn in checkIns)
        {
            var source = $"patient check-in of {checkIn.Date:yyyy-MM-dd}";
            evidence.Add(new Evidence(PainAtRest, checkIn.PainNow, "nrs", checkIn.ReceivedAt, source));
            evidence.Add(new Evidence(PainDuringExercise, checkIn.PainDuringExercise, "nrs", checkIn.ReceivedAt, source));
        }

        // Adherence needs two full weeks of program to say anything.
        var today = Adherence.LocalDate(now, prescription);
        if (Adherence.StartDate(prescription) is { } start && today.DayNumber - start.DayNumber + 1 >= AdherenceWindowDays && checkIns.Count > 0)
        {
            var daysPerWeek = prescription.TrainingDaysPerWeek();
            var from = today.AddDays(1 - AdherenceWindowDays);
            var prescribed = daysPerWeek * AdherenceWindowDays / 7 * prescription.TrainingSessionsPerDay();
            var done = checkIns.Where(c => c.Date >= from && c.Date <= today).Sum(c => c.CompletedSessions);
            if (prescribed > 0)
            {
                evidence.Add(new Evidence(AdherencePercent, Math.Round(100.0 * Math.Min(done, prescribed) / prescribed), "percent", now,
                    $"{done} of {prescribed} prescribed sessions reported in check-ins from {from:yyyy-MM-dd} to {today:yyyy-MM-dd}"));
            }
        }

        return evidence;
    }

    /// <summary>
    /// Why there is no adherence evidence yet, in words ("Adherence is judged after two weeks of the programme; 5 days so
    /// far."), or null once two weeks have passed: readiness shows it instead of a bare "nothing recorded".
    /// </summary>
    public static string? AdherenceNotYetJudged(Prescription prescription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var today = Adherence.LocalDate(now, prescription);
        if (Adherence.StartDate(prescription) is not { } start)
        {
            return "Adherence is judged after two weeks of the programme, which has not started.";
        }

        if (start > today)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Adherence is judged after two weeks of the programme, which starts on {start:yyyy-MM-dd}.");
        }

        var days = today.DayNumber - start.DayNumber + 1;
        return days >= AdherenceWindowDays
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Adherence is judged after two weeks of the programme; {days} {(days == 1 ? "day" : "days")} so far.");
    }
}
