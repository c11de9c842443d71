namespace Prescriptions.Functions.Webhooks;

/// <summary>A configured partner, resolved: where to send, how to sign, which events of which clinics.</summary>
public sealed record WebhookPartner(
    string Name,
    Uri Url,
    ReadOnlyMemory<byte> Key,
    IReadOnlySet<string> Clinics,
    IReadOnlySet<string>? Events)
{
    public bool Wants(string clinicId, string eventType) =>
        Clinics.Contains(clinicId) && (Events is null || Events.Contains(eventType));
}
