using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Functions.Webhooks;

/// <summary>The webhook port over the configured partners and the signed, resilient HTTP sender.</summary>
public sealed class WebhookEndpoints(WebhookPartners partners, WebhookSender sender) : IWebhookEndpoints
{
    public IReadOnlyList<string> Clinics => partners.Clinics;

    public IReadOnlyList<string> SubscribersOf(string clinicId, string eventType) => [.. partners.For(clinicId, eventType).Select(p => p.Name)];

    public Task<WebhookDelivery> SendAsync(string partner, PrescriptionEvent prescriptionEvent, CancellationToken cancellationToken) =>
        sender.SendAsync(partners.All.First(p => string.Equals(p.Name, partner, StringComparison.Ordinal)), prescriptionEvent, cancellationToken);
}
