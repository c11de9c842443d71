namespace Prescriptions.Application.Webhooks;

/// <summary>What one sweep did.</summary>
/// <param name="Delivered">Events every subscribed partner acknowledged (removed from the outbox).</param>
/// <param name="Retrying">Events that failed for some partner and are due again later.</param>
/// <param name="Dead">Events given up after the last allowed attempt.</param>
/// <param name="Dropped">Events no partner subscribes to (removed unsent).</param>
/// <param name="Skipped">Events another sweep took first.</param>
public sealed record WebhookSweep(int Delivered, int Retrying, int Dead, int Dropped, int Skipped);
