namespace Prescriptions.LocalHost.DevTokens;

/// <summary>The development token issuer's settings (section DevTokens); audience and tenant come from AzureAd.</summary>
public sealed class DevTokenOptions
{
    public const string SectionName = "DevTokens";

    /// <summary>The issuer the local host signs as; {tenantId} is replaced. Shaped like Entra's v2.0 issuer, but never Entra's.</summary>
    public string Issuer { get; set; } = "https://dev-issuer.localhost/{tenantId}/v2.0";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
}
