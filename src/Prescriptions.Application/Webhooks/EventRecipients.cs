using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Webhooks;

/// <summary>
/// Who receives an event: the partners subscribed to its clinic and type, and the clinic's alert address. An event
/// nobody receives is never written to the outbox, so the relay neither reads nor removes it.
/// </summary>
public sealed class EventRecipients(IWebhookEndpoints endpoints, ClinicAlertMailer clinicMailer)
{
    /// <summary>The clinics whose events someone receives: the only outboxes a sweep reads.</summary>
    public IReadOnlyList<string> Clinics =>
        [.. endpoints.Clinics.Where(clinic => clinicMailer.HasAddress(clinic) || EventTypes.All.Any(type => endpoints.SubscribersOf(clinic, type).Count > 0))];

    /// <summary>Every recipient of the event (partner names, and <see cref="ClinicAlertMailer.RecipientName"/>).</summary>
    public IReadOnlyList<string> Of(PrescriptionEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var recipients = endpoints.SubscribersOf(@event.ClinicId, @event.Type);
        return clinicMailer.Wants(@event) ? [.. recipients, ClinicAlertMailer.RecipientName] : recipients;
    }

    /// <summary>The events someone receives.</summary>
    public IReadOnlyList<PrescriptionEvent> Wanted(IEnumerable<PrescriptionEvent> events) => [.. events.Where(e => Of(e).Count > 0)];

    /// <summary>The write with only the events someone receives.</summary>
    public PrescriptionWrite Wanted(PrescriptionWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write with { Events = Wanted(write.Events) };
    }
}
