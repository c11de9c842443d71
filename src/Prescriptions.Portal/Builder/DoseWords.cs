using System.Globalization;
using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Builder;

/// <summary>A dose as a therapist reads it aloud: "3 sets of 12 repetitions, hold 5 seconds, rest 1 minute, 3 days a week".</summary>
public static class DoseWords
{
    public static string Of(Dose dose)
    {
        var sets = dose.Sets ?? 1;
        var parts = new List<string>();
        var setWord = sets == 1 ? "1 set" : $"{sets} sets";
        if (dose.Reps is { } reps)
        {
            parts.Add($"{setWord} of {reps} {(reps == 1 ? "repetition" : "repetitions")}");
        }
        else if (dose.DurationSeconds is { } seconds)
        {
            parts.Add($"{setWord} of {Duration(seconds)}");
        }
        else
        {
            parts.Add(setWord);
        }

        if (dose.Side is "eachSide")
        {
            parts[0] += " on each side";
        }

        if (dose.HoldSeconds is { } hold)
        {
            parts.Add($"hold {Duration(hold)}");
        }

        if (dose.Load is { } load && Load(load) is { } loadWords)
        {
            parts.Add(loadWords);
        }

        if (dose.Tempo is { Length: > 0 } tempo)
        {
            parts.Add($"tempo {tempo}");
        }

        if (dose.Rpe is { } rpe)
        {
            parts.Add($"effort {rpe}/10");
        }

        if (dose.RestSeconds is { } rest and > 0)
        {
            parts.Add($"rest {Duration(rest)}");
        }

        var perDay = dose.SessionsPerDay ?? 1;
        var days = dose.DaysPerWeek ?? 3;
        parts.Add((perDay, days) switch
        {
            (1, 7) => "every day",
            (1, _) => $"{days} {(days == 1 ? "day" : "days")} a week",
            (_, 7) => $"{perDay} times a day, every day",
            _ => $"{perDay} times a day, {days} {(days == 1 ? "day" : "days")} a week",
        });
        return string.Join(", ", parts);
    }

    private static string Duration(int seconds) => seconds switch
    {
        1 => "1 second",
        < 60 => $"{seconds} seconds",
        _ when seconds % 60 == 0 => seconds == 60 ? "1 minute" : $"{seconds / 60} minutes",
        _ => $"{seconds} seconds",
    };

    private static string? Load(DoseLoad load) => load.Kind switch
    {
        "bodyWeight" => "with body weight",
        "kg" when load.Value is { } kg => string.Create(CultureInfo.InvariantCulture, $"with {kg:0.#} kg"),
        "lb" when load.Value is { } lb => string.Create(CultureInfo.InvariantCulture, $"with {lb:0.#} lb"),
        "band" => load.Band is { Length: > 0 } band ? $"with a {band} band" : "with a band",
        "percent1rm" when load.Value is { } percent => string.Create(CultureInfo.InvariantCulture, $"at {percent:0.#} % of one-repetition maximum"),
        _ => null,
    };
}
