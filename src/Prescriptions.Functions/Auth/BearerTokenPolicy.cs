namespace Prescriptions.Functions.Auth;

/// <summary>How the API judges a bearer token's lifetime.</summary>
public static class BearerTokenPolicy
{
    /// <summary>
    /// The allowance for clocks that differ between Entra ID and this app when checking <c>exp</c> and <c>nbf</c>:
    /// 30 seconds, not the library's 5 minutes (which accepted a token minutes after it expired). Entra ID and Azure
    /// hosts keep NTP time within a second or two; clients refresh tokens minutes before expiry, so 30 s rejects no
    /// honest caller and shortens the life of a leaked token to its stated lifetime plus 30 s.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
}
