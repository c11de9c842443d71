using System.Security.Claims;
using Prescriptions.Portal.Auth;

namespace Prescriptions.Portal.Tests;

/// <summary>Entra's "roles" array becomes one claim per role, so IsInRole answers for each.</summary>
public sealed class RoleClaimsTests
{
    [Fact]
    public void The_roles_array_becomes_one_claim_per_role()
    {
        var identity = new ClaimsIdentity([new Claim("roles", """["Therapist","LibraryEditor"]"""), new Claim("name", "Ada")], "test", "name", RoleClaims.ClaimType);

        var user = new ClaimsPrincipal(RoleClaims.Split(identity));

        Assert.Equal(["Therapist", "LibraryEditor"], user.FindAll("roles").Select(claim => claim.Value));
        Assert.True(user.IsInRole("Therapist"));
        Assert.True(user.IsInRole("LibraryEditor"));
        Assert.False(user.IsInRole("Partner"));
    }

    [Fact]
    public void A_single_role_claim_is_kept_as_it_is()
    {
        var identity = new ClaimsIdentity([new Claim("roles", "Therapist")], "test", "name", RoleClaims.ClaimType);

        var user = new ClaimsPrincipal(RoleClaims.Split(identity));

        Assert.Equal(["Therapist"], user.FindAll("roles").Select(claim => claim.Value));
    }
}
