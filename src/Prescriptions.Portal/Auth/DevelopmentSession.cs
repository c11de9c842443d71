using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;

namespace Prescriptions.Portal.Auth;

/// <summary>
/// Development only (Portal:DevelopmentTokenUrl set, which only the local host serves): the user is whoever the local
/// host's POST /dev/token issued a token for, and that token is the bearer for the API, as Entra's would be.
/// </summary>
public sealed class DevelopmentSession : AuthenticationStateProvider, IAccessTokenProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private AccessToken? token;
    private AuthenticationState state = SignedOut;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(state);

    /// <summary>Takes a token the local host issued: its claims become the user's, its "roles" array one claim per role.</summary>
    public void SignIn(string accessToken, int expiresInSeconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        token = new AccessToken { Value = accessToken, Expires = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds), GrantedScopes = [] };
        var identity = new ClaimsIdentity(ClaimsOf(accessToken), authenticationType: "development", nameType: "name", roleType: RoleClaims.ClaimType);
        state = new AuthenticationState(new ClaimsPrincipal(RoleClaims.Split(identity)));
        NotifyAuthenticationStateChanged(Task.FromResult(state));
    }

    public void SignOut()
    {
        token = null;
        state = SignedOut;
        NotifyAuthenticationStateChanged(Task.FromResult(state));
    }

    public ValueTask<AccessTokenResult> RequestAccessToken() => ValueTask.FromResult(Current());

    public ValueTask<AccessTokenResult> RequestAccessToken(AccessTokenRequestOptions options) => ValueTask.FromResult(Current());

    private AccessTokenResult Current() => token is { } held && held.Expires > DateTimeOffset.UtcNow
        ? new AccessTokenResult(AccessTokenResultStatus.Success, held, null, null)
        : new AccessTokenResult(AccessTokenResultStatus.RequiresRedirect, null!, "/", null);

    /// <summary>The JWT's payload as claims (arrays kept as their JSON text, which <see cref="RoleClaims"/> splits); the API checks the signature.</summary>
    private static Claim[] ClaimsOf(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException("The development token is not a JWT.");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return document.RootElement.EnumerateObject()
            .Select(property => new Claim(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()))
            .ToArray();
    }
}
