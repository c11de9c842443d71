using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>Partners by clinic: each named clinic has one partner subscribed to every event type (none elsewhere).</summary>
internal sealed class SubscribedPartners : IWebhookEndpoints
{
    public HashSet<string> SubscribedClinics { get; } = new(StringComparer.Ordinal) { "clinic-a", "clinic-b" };

    public IReadOnlyList<string> Clinics => ["clinic-a", "clinic-b"];

    public IReadOnlyList<string> SubscribersOf(string clinicId, string eventType) => SubscribedClinics.Contains(clinicId) ? ["ehr"] : [];

    public Task<WebhookDelivery> SendAsync(string partner, PrescriptionEvent prescriptionEvent, CancellationToken cancellationToken) =>
        Task.FromResult(new WebhookDelivery(true, 204, TimeSpan.Zero, null));
}
