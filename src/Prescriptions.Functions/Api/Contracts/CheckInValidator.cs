using System.Globalization;
using Prescriptions.Application.Language;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>
/// Checks a check-in against the patient's calendar (a day of <see cref="CheckInWindow"/>) and says what is wrong in whole
/// sentences in the patient's language: the form shows them under each question, the JSON client gets them as the problem's errors.
/// </summary>
public static class CheckInValidator
{
    public static CheckIn? ToCheckIn(CheckInBody body, CheckInWindow window, DateTimeOffset now, PatientWords words, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(errors);
        var date = window.Today;
        if (body.Date is not null && !DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add("date", words["Error_Day"]);
        }
        else if (!window.HasStarted)
        {
            errors.Add("date", words.Format("Error_BeforeStart", words.Date(window.FirstDay)));
        }
        else if (date > window.Today)
        {
            errors.Add("date", words["Error_DayFuture"]);
        }
        else if (date < window.Earliest)
        {
            errors.Add("date", words.Format("Error_DayTooEarly", words.Date(window.Earliest)));
        }

        if (body.CompletedSessions is not (>= 0 and <= CheckIn.MaxCompletedSessions))
        {
            errors.Add("completedSessions", words.Format("Error_Sessions", CheckIn.MaxCompletedSessions));
        }

        if (body.PainNow is not (>= 0 and <= CheckIn.MaxPain))
        {
            errors.Add("painNow", words["Error_PainNow"]);
        }

        if (body.PainDuringExercise is not (>= 0 and <= CheckIn.MaxPain))
        {
            errors.Add("painDuringExercise", words["Error_PainDuring"]);
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
            errors.Add("difficulty", words["Error_Feel"]);
        }

        var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        if (comment is not null && (comment.Length > CheckIn.MaxCommentLength || comment.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')))
        {
            errors.Add("comment", words.Format("Error_Comment", CheckIn.MaxCommentLength));
        }

        return errors.IsEmpty
            ? new CheckIn(date, body.CompletedSessions!.Value, body.PainNow!.Value, body.PainDuringExercise!.Value, difficulty!.Value, now, comment)
            : null;
    }
}
