using System.Globalization;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Domain.FollowUps;

/// <summary>The alerts a check-in raises: high pain (7/10 or more) and pain rising by 2 or more since the previous day reported.</summary>
public static class CheckInAlerts
{
    public const int HighPain = 7;
    public const int PainRise = 2;

    /// <param name="prescriptionId">The prescription checked in on.</param>
    /// <param name="checkIn">The check-in just received.</param>
    /// <param name="previous">The latest check-in of an earlier day, if any.</param>
    public static IReadOnlyList<Alert> Evaluate(string prescriptionId, CheckIn checkIn, CheckIn? previous)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var day = checkIn.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var alerts = new List<Alert>();
        if (checkIn.WorstPain >= HighPain)
        {
            alerts.Add(Alert.Raise(prescriptionId, AlertKind.HighPain, day, checkIn.ReceivedAt, string.Create(CultureInfo.InvariantCulture,
                $"Pain {checkIn.PainNow}/10 now and {checkIn.PainDuringExercise}/10 during exercise reported for {day}.")));
        }

        if (previous is not null)
        {
            var riseNow = checkIn.PainNow - previous.PainNow;
            var riseExercising = checkIn.PainDuringExercise - previous.PainDuringExercise;
            if (riseNow >= PainRise || riseExercising >= PainRise)
            {
                alerts.Add(Alert.Raise(prescriptionId, AlertKind.PainRising, day, checkIn.ReceivedAt, string.Create(CultureInfo.InvariantCulture,
                    $"Pain rose since {previous.Date:yyyy-MM-dd}: now {previous.PainNow} -> {checkIn.PainNow}, during exercise {previous.PainDuringExercise} -> {checkIn.PainDuringExercise} (out of 10).")));
            }
        }

        return alerts;
    }
}
