using System.Net;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// Emails a clinic its alerts when <c>FollowUps:ClinicAlertEmails:{clinicId}</c> is set. It is one more recipient of the
/// outbox's <c>alert.raised</c> events, so it gets the webhook sweep's claims, retries and delivery log. The email names
/// the kind of alert and the prescription, not the patient's values: details are in the portal.
/// </summary>
public sealed class ClinicAlertMailer(IEmailSender sender, IOptions<FollowUpOptions> options)
{
    /// <summary>The name its deliveries are logged under, beside the partners'.</summary>
    public const string RecipientName = "clinic-email";

    /// <summary>Whether the clinic has an alert address.</summary>
    public bool HasAddress(string clinicId) => options.Value.ClinicAlertEmails.ContainsKey(clinicId);

    public bool Wants(PrescriptionEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.Type == EventTypes.AlertRaised && @event.Alert is not null && options.Value.ClinicAlertEmails.ContainsKey(@event.ClinicId);
    }

    public Task SendAsync(PrescriptionEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var alert = @event.Alert ?? throw new ArgumentException("Not an alert event.", nameof(@event));
        var to = options.Value.ClinicAlertEmails[@event.ClinicId];
        var what = alert.Kind switch
        {
            AlertKind.HighPain => "high pain reported",
            AlertKind.PainRising => "pain rising",
            AlertKind.NoCheckIn => "no recent check-in",
            AlertKind.ReadyToProgress => "ready for the next phase",
            _ => "a follow-up email could not be delivered",
        };
        var subject = $"Alert: {what} (prescription {@event.PrescriptionId})";
        var text = $"An alert was raised for prescription {@event.PrescriptionId}: {what}.{Environment.NewLine}{Environment.NewLine}Open the prescription in the portal for the details.{Environment.NewLine}";
        var html = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head><body>"
            + $"<p>An alert was raised for prescription <strong>{WebUtility.HtmlEncode(@event.PrescriptionId)}</strong>: {WebUtility.HtmlEncode(what)}.</p>"
            + "<p>Open the prescription in the portal for the details.</p></body></html>";
        return sender.SendAsync(new EmailMessage($"{@event.Id}.clinic", to, subject, text, html), cancellationToken);
    }
}
