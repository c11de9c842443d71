using System.Globalization;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>Checks a check-in against the patient's calendar: a date from <c>earliest</c> to <c>today</c>.</summary>
public static class CheckInValidator
{
    public static CheckIn? ToCheckIn(CheckInBody body, DateOnly today, DateOnly earliest, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        var date = today;
        if (body.Date is not null && !DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add("date", "must be a date as yyyy-MM-dd");
        }
        else if (date > today)
        {
            errors.Add("date", "must not be in the future");
        }
        else if (date < earliest)
        {
            errors.Add("date", $"must be {earliest:yyyy-MM-dd} or later (the programme's first day, at most {CheckIn.MaxAgeDays} days back)");
        }

        if (body.CompletedSessions is not (>= 0 and <= CheckIn.MaxCompletedSessions))
        {
            errors.Add("completedSessions", $"must be a whole number from 0 to {CheckIn.MaxCompletedSessions}");
        }

        if (body.PainNow is not (>= 0 and <= CheckIn.MaxPain))
        {
            errors.Add("painNow", "must be a whole number from 0 to 10");
        }

        if (body.PainDuringExercise is not (>= 0 and <= CheckIn.MaxPain))
        {
            errors.Add("painDuringExercise", "must be a whole number from 0 to 10");
        }

        var difficulty = body.Difficulty switch
        {
            "ok" => CheckInDifficulty.Ok,
            "tooEasy" => CheckInDifficulty.TooEasy,
            "tooHard" => CheckInDifficulty.TooHard,
            _ => (CheckInDifficulty?)null,
        };
        if (difficulty is null)
        {
            errors.Add("difficulty", "must be ok, tooEasy or tooHard");
        }

        var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        if (comment is not null && (comment.Length > CheckIn.MaxCommentLength || comment.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')))
        {
            errors.Add("comment", $"must be at most {CheckIn.MaxCommentLength} characters of text");
        }

        return errors.IsEmpty
            ? new CheckIn(date, body.CompletedSessions!.Value, body.PainNow!.Value, body.PainDuringExercise!.Value, difficulty!.Value, now, comment)
            : null;
    }
}
