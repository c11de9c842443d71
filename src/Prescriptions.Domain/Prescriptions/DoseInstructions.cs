using System.Globalization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>
/// A dose in the patient's words ("3 sets of 10, hold 5 s, once a day, every day"): what the check-in page shows and what
/// FHIR carries as the patient instruction.
/// </summary>
public static class DoseInstructions
{
    private const int DaysPerWeek = 7;
    private const int LongBlockSeconds = 120;

    public static string PatientText(Dose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var amount = dose.DurationSeconds is { } seconds ? Duration(seconds) : Number(dose.Reps ?? 1);

        // One block of walking reads "15 minutes", not "1 set of 900 s"; rest between sets means nothing then.
        var parts = new List<string> { dose.Sets == 1 && dose.DurationSeconds is not null ? amount : $"{Count(dose.Sets, "set")} of {amount}" };
        AddIf(parts, dose.HoldSeconds, value => $"hold {Number(value)} s");
        AddIf(parts, dose.Sets > 1 ? dose.RestSeconds : null, value => $"rest {Number(value)} s between sets");
        if (dose.Load is { } load)
        {
            parts.Add(LoadText(load));
        }

        AddIf(parts, dose.Rpe, value => $"effort {Number(value)}/10");
        if (dose.HeartRateReserve is { } reserve)
        {
            parts.Add($"at {Number(reserve.MinPercent)}-{Number(reserve.MaxPercent)}% of your heart-rate reserve (the target heart rate your therapist gives you)");
        }

        if (!string.IsNullOrWhiteSpace(dose.Tempo))
        {
            parts.Add($"tempo {dose.Tempo}");
        }

        if (dose.Side is { } side)
        {
            parts.Add(side switch
            {
                Side.Left => "left side",
                Side.Right => "right side",
                Side.EachSide => "each side",
                _ => "both sides",
            });
        }

        // Walking "on both sides" says nothing: both sides are named only for work that could be one-sided.
        if (dose.Side == Side.Both && dose.DurationSeconds >= LongBlockSeconds)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        parts.Add(dose.SessionsPerDay switch
        {
            1 => "once a day",
            2 => "twice a day",
            var n => $"{Number(n)} times a day",
        });
        parts.Add(dose.DaysPerWeek >= DaysPerWeek ? "every day" : $"{Count(dose.DaysPerWeek, "day")} a week");
        return string.Join(", ", parts);
    }

    /// <summary>Seconds up to two minutes, whole minutes beyond ("15 minutes"), minutes and seconds otherwise.</summary>
    private static string Duration(int seconds) => seconds switch
    {
        < LongBlockSeconds => $"{Number(seconds)} s",
        _ when seconds % 60 == 0 => $"{Number(seconds / 60)} minutes",
        _ => $"{Number(seconds / 60)} min {Number(seconds % 60)} s",
    };

    internal static string LoadText(Load load) => load.Kind switch
    {
        LoadKind.BodyWeight => "body weight",
        LoadKind.Kg => $"{Number(load.Value)} kg",
        LoadKind.Lb => $"{Number(load.Value)} lb",
        LoadKind.Band => string.IsNullOrWhiteSpace(load.Band) ? "band" : $"{load.Band} band",
        _ => $"{Number(load.Value)}% of 1RM",
    };

    private static void AddIf(List<string> parts, int? value, Func<int, string> text)
    {
        if (value is { } number)
        {
            parts.Add(text(number));
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{Number(count)} {noun}s";

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}
