namespace Prescriptions.Functions.Webhooks;

/// <summary>The Standard Webhooks headers.</summary>
public static class WebhookHeaders
{
    /// <summary>The event id: the same on every delivery of the event, so receivers can drop duplicates.</summary>
    public const string Id = "webhook-id";

    /// <summary>Unix seconds when the delivery was signed; receivers reject old ones (replay protection).</summary>
    public const string Timestamp = "webhook-timestamp";

    public const string Signature = "webhook-signature";
}
