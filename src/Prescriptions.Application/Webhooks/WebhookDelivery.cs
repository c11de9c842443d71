namespace Prescriptions.Application.Webhooks;

/// <summary>How one delivery to one partner went.</summary>
public sealed record WebhookDelivery(bool Succeeded, int? StatusCode, TimeSpan Duration, string? Error);
