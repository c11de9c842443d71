using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Patients;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// Emails a clinic its alerts when <c>FollowUps:ClinicAlertEmails:{clinicId}</c> is set. It is one more recipient of the
/// outbox's <c>alert.raised</c> events, so it gets the webhook sweep's claims, retries and delivery log. The email names
/// the patient (a registered patient's name, the EHR's id, else ours), says the alert in words and links to the patient's page in the portal
/// (<see cref="PortalOptions"/>). The patient's answers (pain scores, comments) stay out of email: they are in the portal.
/// </summary>
public sealed class ClinicAlertMailer(IEmailSender sender, IOptions<FollowUpOptions> options, IOptions<PortalOptions>? portal = null, IPatientDirectory? patients = null)
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

    public async Task SendAsync(PrescriptionEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var alert = @event.Alert ?? throw new ArgumentException("Not an alert event.", nameof(@event));
        var to = options.Value.ClinicAlertEmails[@event.ClinicId];
        var patient = await PatientNameAsync(@event, cancellationToken);
        var what = alert.Kind switch
        {
            AlertKind.HighPain => "High pain reported",
            AlertKind.PainRising => "Pain is rising",
            AlertKind.NoCheckIn => "No recent check-in",
            AlertKind.ReadyToProgress => "Ready for the next phase",
            _ => "A follow-up email could not be delivered",
        };
        var page = @event.PatientId is { } patientId ? portal?.Value.PatientPage(patientId) : null;
        var subject = $"{what}: patient {patient}";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{what} for patient {patient} (prescription {@event.PrescriptionId}).")
            .AppendLine()
            .AppendLine(page is null ? "Open the patient in the portal for the details." : $"Open the patient in the portal: {page.AbsoluteUri}")
            .ToString();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head><body>")
            .Append("<p>").Append(E(what)).Append(" for patient <strong>").Append(E(patient)).Append("</strong> (prescription ").Append(E(@event.PrescriptionId)).Append(").</p>")
            .Append(page is null ? "<p>Open the patient in the portal for the details.</p>" : $"<p><a href=\"{E(page.AbsoluteUri)}\">Open the patient in the portal</a></p>")
            .Append("</body></html>")
            .ToString();
        await sender.SendAsync(new EmailMessage($"{@event.Id}.clinic", to, subject, text, html), cancellationToken);
    }

    /// <summary>A registered patient's name with the EHR's id ("Kari Nordmann (MRN-42)"); else the EHR's id, else ours.</summary>
    private async Task<string> PatientNameAsync(PrescriptionEvent @event, CancellationToken cancellationToken)
    {
        var id = @event.ExternalId ?? @event.PatientId ?? "unknown patient";
        if (patients is null || @event.PatientId is null || await patients.FindAsync(@event.ClinicId, @event.PatientId, cancellationToken) is not { Value: var registered })
        {
            return id;
        }

        var name = $"{registered.GivenName} {registered.FamilyName}";
        return registered.ExternalId is { } externalId ? $"{name} ({externalId})" : name;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
