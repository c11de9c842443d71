using System.Security.Claims;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication.Internal;

namespace Prescriptions.Portal.Auth;

/// <summary>The signed-in user with each app role of the token's "roles" array as its own claim (<see cref="RoleClaims"/>).</summary>
public sealed class RolesClaimsPrincipalFactory(IAccessTokenProviderAccessor accessor)
    : AccountClaimsPrincipalFactory<RemoteUserAccount>(accessor)
{
    public override async ValueTask<ClaimsPrincipal> CreateUserAsync(RemoteUserAccount account, RemoteAuthenticationUserOptions options)
    {
        var user = await base.CreateUserAsync(account, options);
        if (user.Identity is ClaimsIdentity { IsAuthenticated: true } identity)
        {
            RoleClaims.Split(identity);
        }

        return user;
    }
}
