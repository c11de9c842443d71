using System.Security.Claims;
using System.Text.Json;

namespace Prescriptions.Portal.Auth;

/// <summary>
/// Entra ID puts app roles in one "roles" claim holding a JSON array; Blazor's user keeps it as one claim whose value is
/// the array's text, so IsInRole fails. This splits it into one "roles" claim per role.
/// </summary>
public static class RoleClaims
{
    public const string ClaimType = "roles";

    public static ClaimsIdentity Split(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var claim in identity.FindAll(ClaimType).ToArray())
        {
            var value = claim.Value.Trim();
            if (!value.StartsWith('['))
            {
                continue;
            }

            identity.RemoveClaim(claim);
            foreach (var role in JsonSerializer.Deserialize<string[]>(value) ?? [])
            {
                identity.AddClaim(new Claim(ClaimType, role, ClaimValueTypes.String, claim.Issuer));
            }
        }

        return identity;
    }
}
