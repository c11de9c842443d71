using System.Text.Json;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Functions.Webhooks;

/// <summary>The body partners receive, in the Standard Webhooks shape: <c>{ "type", "timestamp", "data": {...} }</c>.</summary>
public static class WebhookPayload
{
    public static string Serialize(PrescriptionEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);

        // UtcDateTime so the timestamp reads "...Z", as the API contract writes times.
        var body = new Body(@event.Type, @event.OccurredAt.UtcDateTime, new Data(@event.Id, @event.ClinicId, @event.PrescriptionId, @event.PatientId, @event.ExternalId, @event.Version, @event.Alert, @event.CheckIn));
        return JsonSerializer.Serialize(body, DomainJson.Options);
    }

    private sealed record Body(string Type, DateTime Timestamp, Data Data);

    /// <summary>
    /// The patient's and the partner's ids let a receiver match the event to its records without a read; the external id,
    /// alert and check-in appear only when there is one (null members are not written).
    /// </summary>
    private sealed record Data(string Id, string ClinicId, string PrescriptionId, string? PatientId, string? ExternalId, int Version, Domain.Lifecycle.Alert? Alert, Domain.Lifecycle.CheckIn? CheckIn);
}
