using System.Net;
using System.Text;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// The patient's emails, in plain words: a greeting by first name, why we write, the link, and how to stop the emails.
/// Nothing clinical (no condition, no exercise, no clinic) goes into an email: the programme is behind the signed link.
/// </summary>
public sealed class FollowUpEmails(CheckInLinks links)
{
    public EmailMessage Compose(Prescription prescription, ScheduledFollowUp message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(message);
        var followUp = prescription.FollowUp ?? throw new ArgumentException("The prescription has no follow-up contact.", nameof(prescription));
        var token = links.Issue(prescription.ClinicId, prescription.Id, now);
        var checkIn = links.CheckIn(token);
        var optOut = links.OptOut(token);
        var (subject, lines, action) = Words(message.Kind);
        var greeting = string.IsNullOrWhiteSpace(followUp.FirstName) ? "Hello," : $"Hello {followUp.FirstName},";
        const string Footer = "You receive these emails because your physiotherapist set up reminders for your home exercise programme.";

        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendJoin(Environment.NewLine, lines).AppendLine().AppendLine()
            .Append(action).Append(": ").AppendLine(checkIn.AbsoluteUri).AppendLine()
            .AppendLine("-- ")
            .AppendLine(Footer)
            .Append("Stop these emails: ").AppendLine(optOut.AbsoluteUri)
            .ToString();

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>");
        }

        html.Append("<p><a href=\"").Append(Encode(checkIn.AbsoluteUri)).Append("\" style=\"display:inline-block;padding:.6em 1em;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px\">")
            .Append(Encode(action)).Append("</a></p>")
            .Append("<hr><p style=\"font-size:14px;color:#555\">").Append(Encode(Footer)).Append(" <a href=\"").Append(Encode(optOut.AbsoluteUri)).Append("\">Stop these emails</a>.</p>")
            .Append("</body></html>");

        return new EmailMessage(message.Id, followUp.Email, subject, text, html.ToString()) { UnsubscribeUrl = optOut };
    }

    private static (string Subject, string[] Lines, string Action) Words(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Welcome => ("Your home exercise programme is ready",
            ["Your physiotherapist has set up your home exercise programme.", "Open it to see your exercises. Every few days we will ask how they are going; it takes a minute."],
            "See your exercises"),
        FollowUpKind.ExerciseReminder => ("Time for your exercises",
            ["This is your reminder to do today's exercises."],
            "See your exercises"),
        FollowUpKind.CheckInRequest => ("How are your exercises going?",
            ["Please take a minute to tell us how your exercises are going. Your physiotherapist reads your answers."],
            "Tell us how it is going"),
        FollowUpKind.PhaseReview => ("Time to review your programme",
            ["You have been doing your programme for a while now. Please book a review with your physiotherapist, and tell us how it is going."],
            "Tell us how it is going"),
        FollowUpKind.End => ("Your programme has come to its end",
            ["Your home exercise programme has reached its planned end. Please tell us how it went; your physiotherapist will let you know what comes next."],
            "Tell us how it went"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a message to the patient."),
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
