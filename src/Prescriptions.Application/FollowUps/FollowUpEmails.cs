using System.Net;
using System.Text;
using Prescriptions.Application.Language;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// The patient's emails, in plain words and the patient's language: a greeting by first name, why we write, the link,
/// and how to stop the emails. Nothing clinical (no condition, no exercise, no clinic) goes into an email: the programme
/// is behind the signed link. Each button says where it lands: the programme, or its check-in further down the page.
/// </summary>
public sealed class FollowUpEmails(CheckInLinks links, PatientWording wording)
{
    public EmailMessage Compose(Prescription prescription, ScheduledFollowUp message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(message);
        var followUp = prescription.FollowUp ?? throw new ArgumentException("The prescription has no follow-up contact.", nameof(prescription));
        var words = wording.In(followUp.PreferredLanguage);
        var token = links.Issue(prescription.ClinicId, prescription.Id, now);
        var optOut = links.OptOut(token);
        var (subject, lines, action, toCheckIn) = Words(prescription, message, words);
        var target = toCheckIn ? links.CheckInForm(token) : links.CheckIn(token);
        var greeting = string.IsNullOrWhiteSpace(followUp.FirstName) ? words["Email_HelloNoName"] : words.Format("Email_Hello", followUp.FirstName);
        var footer = words["Email_Footer"];
        var stop = words["Email_Stop"];

        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendJoin(Environment.NewLine, lines).AppendLine().AppendLine()
            .Append(action).Append(": ").AppendLine(target.AbsoluteUri).AppendLine()
            .AppendLine("-- ")
            .AppendLine(footer)
            .Append(stop).Append(": ").AppendLine(optOut.AbsoluteUri)
            .ToString();

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(Encode(words.Tag)).Append("\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>");
        }

        html.Append("<p><a href=\"").Append(Encode(target.AbsoluteUri)).Append("\" style=\"display:inline-block;padding:.6em 1em;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px\">")
            .Append(Encode(action)).Append("</a></p>")
            .Append("<hr><p style=\"font-size:14px;color:#555\">").Append(Encode(footer)).Append(" <a href=\"").Append(Encode(optOut.AbsoluteUri)).Append("\">").Append(Encode(stop)).Append("</a>.</p>")
            .Append("</body></html>");

        return new EmailMessage(message.Id, followUp.Email, subject, text, html.ToString()) { UnsubscribeUrl = optOut, Language = words.Tag };
    }

    /// <summary>The subject, the lines, the button's words and whether the button opens the check-in rather than the programme.</summary>
    private static (string Subject, string[] Lines, string Action, bool ToCheckIn) Words(Prescription prescription, ScheduledFollowUp message, PatientWords words) => message.Kind switch
    {
        FollowUpKind.Welcome => (words["Welcome_Subject"], [words["Welcome_Ready"], .. Starts(prescription, message, words), Cadence(prescription.FollowUp!.CheckInEveryDays, words)], words["Action_SeeExercises"], false),
        FollowUpKind.ExerciseReminder => (words["Reminder_Subject"], [words["Reminder_Line"]], words["Action_SeeExercises"], false),
        FollowUpKind.CheckInRequest => (words["Request_Subject"], [words["Request_Line"]], words["Action_TellUs"], true),
        FollowUpKind.PhaseReview => (words["Review_Subject"], [words["Review_Line"]], words["Action_TellUs"], true),
        FollowUpKind.End => (words["End_Subject"], [words["End_Line"]], words["Action_TellUsHowItWent"], true),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Kind, "Not a message to the patient."),
    };

    /// <summary>How often we will ask, as the follow-up really has it: "every day", "once a week", "every 3 days".</summary>
    private static string Cadence(int everyDays, PatientWords words) => everyDays switch
    {
        <= 1 => words["Welcome_AskDaily"],
        7 => words["Welcome_AskWeekly"],
        _ => words.Format("Welcome_AskEvery", everyDays),
    };

    /// <summary>The start date, when the welcome arrives before it.</summary>
    private static string[] Starts(Prescription prescription, ScheduledFollowUp message, PatientWords words) =>
        Adherence.StartDate(prescription) is { } start && start > Adherence.LocalDate(message.DueAt, prescription) ? [words.Format("Welcome_Starts", words.Date(start))] : [];

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
