namespace Prescriptions.Application.Webhooks;

/// <summary>One partner endpoint: <c>Webhooks:Partners:{name}:AppId</c>, <c>:Url</c>, <c>:Secret</c>, <c>:Events</c>.</summary>
public sealed class WebhookPartnerOptions
{
    /// <summary>The partner's client app id, as in <c>Tenancy:AppClinics</c>: it decides whose events the partner receives.</summary>
    public string? AppId { get; set; }

    /// <summary>Absolute https URL (http only to a loopback host in Development).</summary>
    public string? Url { get; set; }

    /// <summary>The Standard Webhooks secret, <c>whsec_</c> + base64 of 24-64 random bytes (in Azure a Key Vault reference).</summary>
    public string? Secret { get; set; }

    /// <summary>Comma-separated event types; empty means all.</summary>
    public string? Events { get; set; }
}
