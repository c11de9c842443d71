using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Webhooks;

/// <summary>The partners' endpoints (a port: configured and signed HTTP in the function app).</summary>
public interface IWebhookEndpoints
{
    /// <summary>The clinics a sweep reads: every clinic the tenancy knows, so events nobody wants are removed too.</summary>
    IReadOnlyList<string> Clinics { get; }

    /// <summary>The names of the partners that receive this type of event of this clinic.</summary>
    IReadOnlyList<string> SubscribersOf(string clinicId, string eventType);

    /// <summary>Posts one signed event to one partner; a failure is reported, not thrown.</summary>
    Task<WebhookDelivery> SendAsync(string partner, PrescriptionEvent prescriptionEvent, CancellationToken cancellationToken);
}
