using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Language;

/// <summary>
/// A dose in the patient's words and language ("3 sets of 10, hold 5 seconds, twice a day, every day"): the same parts,
/// in the same order, as the domain's English <c>DoseInstructions</c>, each part a resource so it translates whole.
/// </summary>
public static class PatientDose
{
    private const int LongBlockSeconds = 120;

    public static string Text(Dose dose, PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(dose);
        ArgumentNullException.ThrowIfNull(words);
        var amount = dose.DurationSeconds is { } seconds ? Duration(seconds, words) : words.Number(dose.Reps ?? 1);
        var parts = new List<string>
        {
            dose.Sets == 1 && dose.DurationSeconds is not null ? amount
                : dose.Sets == 1 ? words.Format("Dose_OneSetOf", amount) : words.Format("Dose_SetsOf", words.Number(dose.Sets), amount),
        };
        if (dose.HoldSeconds is { } hold)
        {
            parts.Add(words.Format("Dose_Hold", words.Number(hold)));
        }

        if (dose.Sets > 1 && dose.RestSeconds is { } rest)
        {
            parts.Add(words.Format("Dose_Rest", words.Number(rest)));
        }

        if (dose.Load is { } load)
        {
            parts.Add(load.Kind switch
            {
                LoadKind.BodyWeight => words["Dose_BodyWeight"],
                LoadKind.Kg => $"{words.Number(load.Value ?? 0)} kg",
                LoadKind.Lb => $"{words.Number(load.Value ?? 0)} lb",
                LoadKind.Band => string.IsNullOrWhiteSpace(load.Band) ? words["Dose_Band"] : words.Format("Dose_NamedBand", Colour(load.Band, words)),
                _ => words.Format("Dose_PercentOfMax", words.Number(load.Value ?? 0)),
            });
        }

        if (dose.Rpe is { } rpe)
        {
            parts.Add(words.Format("Dose_Effort", words.Number(rpe)));
        }

        if (dose.HeartRateReserve is { } reserve)
        {
            parts.Add(words.Format("Dose_HeartRate", words.Number(reserve.MinPercent), words.Number(reserve.MaxPercent)));
        }

        if (!string.IsNullOrWhiteSpace(dose.Tempo))
        {
            parts.Add(words.Format("Dose_Tempo", dose.Tempo));
        }

        // Walking "on both sides" says nothing: both sides are named only for work that could be one-sided.
        if (dose.Side is { } side && !(side == Side.Both && dose.DurationSeconds >= LongBlockSeconds))
        {
            parts.Add(words[side switch { Side.Left => "Dose_LeftSide", Side.Right => "Dose_RightSide", Side.EachSide => "Dose_EachSide", _ => "Dose_BothSides" }]);
        }

        parts.Add(dose.SessionsPerDay switch
        {
            1 => words["Dose_OnceADay"],
            2 => words["Dose_TwiceADay"],
            var n => words.Format("Dose_TimesADay", words.Number(n)),
        });
        parts.Add(dose.DaysPerWeek >= 7 ? words["Dose_EveryDay"] : dose.DaysPerWeek == 1 ? words["Dose_OneDayAWeek"] : words.Format("Dose_DaysAWeek", words.Number(dose.DaysPerWeek)));
        return string.Join(", ", parts);
    }

    /// <summary>A band's colour in the patient's language when it is a colour we know ("red", "roja"), else as the therapist wrote it.</summary>
    private static string Colour(string band, PatientWords words) =>
        words.Find($"Colour_{band.Trim().ToLowerInvariant()}") ?? band.Trim();

    private static string Duration(int seconds, PatientWords words) => seconds switch
    {
        < LongBlockSeconds => words.Format("Dose_Seconds", words.Number(seconds)),
        _ when seconds % 60 == 0 => words.Format("Dose_Minutes", words.Number(seconds / 60)),
        _ => words.Format("Dose_MinutesAndSeconds", words.Number(seconds / 60), words.Number(seconds % 60)),
    };
}
