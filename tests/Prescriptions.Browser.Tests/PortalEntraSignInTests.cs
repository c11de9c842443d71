using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The portal as deployed in Azure: the runtime settings and Content-Security-Policy the deploy hook writes, naming
/// Entra ID instead of the development sign-in. Entra ID is
/// played by routes in the browser (no network): its metadata, its authorize endpoint (which answers with a code), its
/// token endpoint (which checks the PKCE verifier) and userinfo. The access token is one the local host issued, so
/// the API accepts the bearer the portal sends.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalEntraSignInTests(BrowserFixture fixture)
{
    private const string Tenant = "7d3c2a10-0000-4000-8000-00000000a001";
    private const string Authority = $"https://login.microsoftonline.com/{Tenant}/v2.0";
    private const string AuthorizeEndpoint = $"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/authorize";
    private const string TokenEndpoint = $"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/token";
    private const string UserInfoEndpoint = "https://graph.microsoft.com/oidc/userinfo";
    private const string ClientId = "5b0e6f3c-0000-4000-8000-00000000b003";
    private const string ApiScope = "api://prescriptions/access_as_user";
    private const string Code = "entra-authorization-code";

    private readonly ConcurrentQueue<Dictionary<string, string>> interactiveAuthorizations = new();
    private readonly ConcurrentQueue<Dictionary<string, string>> tokenRequests = new();
    private readonly ConcurrentQueue<string> apiAuthorizations = new();
    private readonly ConcurrentQueue<string> userInfoCalls = new();

    private string RedirectUri => $"{fixture.BaseAddress}authentication/login-callback";

    [Fact]
    public async Task Signing_in_asks_Entra_for_a_PKCE_code_for_the_API_scope_and_the_worklist_calls_the_API_with_the_token()
    {
        var accessToken = await IssueTherapistTokenAsync();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await PlayEntraAsync(context, accessToken);
        var page = await context.NewPageAsync();
        var refused = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Enqueue(message.Text);
            }
        };
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith($"{fixture.BaseAddress}api/", StringComparison.Ordinal) && request.Headers.TryGetValue("authorization", out var authorization))
            {
                apiAuthorizations.Enqueue(authorization);
            }
        };

        // An unauthenticated visit goes straight to Entra ID's sign-in (no extra click); it comes back with the code.
        await page.GotoAsync(fixture.BaseAddress.ToString());
        await page.Locator("[data-worklist=loaded]").WaitForAsync(new() { Timeout = 90_000 });

        var authorize = Assert.Single(interactiveAuthorizations);
        Assert.Equal("code", authorize["response_type"]);
        Assert.Equal(ClientId, authorize["client_id"]);
        Assert.Equal(RedirectUri, authorize["redirect_uri"]);
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", authorize["code_challenge"]);
        Assert.Subset(authorize["scope"].Split(' ').ToHashSet(), new HashSet<string> { "openid", ApiScope });

        // PKCE: the token request proves it holds the verifier of the challenge the authorize request carried.
        var token = Assert.Single(tokenRequests);
        Assert.Equal("authorization_code", token["grant_type"]);
        Assert.Equal(Code, token["code"]);
        Assert.Equal(ClientId, token["client_id"]);
        Assert.Equal(RedirectUri, token["redirect_uri"]);
        Assert.Equal(authorize["code_challenge"], Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(token["code_verifier"]))));

        // The user's name and roles come from the ID token: Graph's userinfo, which would refuse the API's token, is never asked.
        Assert.Empty(userInfoCalls);
        Assert.NotEmpty(apiAuthorizations);
        Assert.All(apiAuthorizations, authorization => Assert.Equal($"Bearer {accessToken}", authorization));
        await Assertions.Expect(page.Locator(".signed-in-as")).ToHaveTextAsync("Dana Okafor");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Worklist", Level = 1 })).ToBeVisibleAsync();
        // The deployed Content-Security-Policy let all of it run: WebAssembly, Fluent UI, the sign-in and the API calls.
        Assert.True(refused.IsEmpty, string.Join(Environment.NewLine, refused));
    }

    /// <summary>Entra ID as the portal's OIDC client meets it, answered in the browser context.</summary>
    private async Task PlayEntraAsync(IBrowserContext context, string accessToken)
    {
        // The deployed portal: the appsettings.json and the Content-Security-Policy the deploy hook writes, served instead
        // of the local host's development settings.
        var deployed = DeployedSettings.Write(fixture.BaseAddress, Authority, ClientId, ApiScope);
        await context.RouteAsync($"{fixture.BaseAddress}appsettings.json", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = deployed.AppSettings,
        }));
        await context.RouteAsync(url => url.StartsWith(fixture.BaseAddress.ToString(), StringComparison.Ordinal), async route =>
        {
            if (route.Request.ResourceType != "document")
            {
                await route.FallbackAsync();
                return;
            }

            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["Content-Security-Policy"] = deployed.ContentSecurityPolicy };
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
        });
        await context.RouteAsync($"{Authority}/.well-known/openid-configuration", route => route.FulfillAsync(Cors(Json(new
        {
            issuer = Authority,
            authorization_endpoint = AuthorizeEndpoint,
            token_endpoint = TokenEndpoint,
            userinfo_endpoint = UserInfoEndpoint,
            end_session_endpoint = $"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/logout",
            jwks_uri = $"https://login.microsoftonline.com/{Tenant}/discovery/v2.0/keys",
            response_types_supported = new[] { "code" },
            code_challenge_methods_supported = new[] { "S256" },
        }))));
        await context.RouteAsync(url => url.StartsWith(AuthorizeEndpoint, StringComparison.Ordinal), route =>
        {
            var query = Query(new Uri(route.Request.Url).Query);
            // The silent attempt in a hidden frame (prompt=none) finds no Entra session, as for a first visit.
            if (query.GetValueOrDefault("prompt") == "none")
            {
                return Redirect(route, $"{query["redirect_uri"]}?error=login_required&state={Uri.EscapeDataString(query["state"])}");
            }

            interactiveAuthorizations.Enqueue(query);
            return Redirect(route, $"{query["redirect_uri"]}?code={Code}&state={Uri.EscapeDataString(query["state"])}");
        });
        await context.RouteAsync(TokenEndpoint, route =>
        {
            if (route.Request.Method == "OPTIONS")
            {
                return route.FulfillAsync(Cors(new RouteFulfillOptions { Status = 204 }));
            }

            var form = Query(route.Request.PostData ?? "");
            tokenRequests.Enqueue(form);
            var authorize = interactiveAuthorizations.Last();
            return route.FulfillAsync(Cors(Json(new
            {
                token_type = "Bearer",
                scope = $"openid profile {ApiScope}",
                expires_in = 3600,
                access_token = accessToken,
                id_token = IdToken(authorize.GetValueOrDefault("nonce")),
            })));
        });
        // Microsoft Graph's userinfo takes Graph tokens only, and the portal's access token is the API's: it answers 401.
        await context.RouteAsync(UserInfoEndpoint, route =>
        {
            if (route.Request.Method != "OPTIONS")
            {
                userInfoCalls.Enqueue(route.Request.Url);
            }

            return route.FulfillAsync(Cors(route.Request.Method == "OPTIONS"
                ? new RouteFulfillOptions { Status = 204 }
                : new RouteFulfillOptions { Status = 401, ContentType = "application/json", Body = """{"error":{"code":"InvalidAuthenticationToken","message":"Invalid audience."}}""" }));
        });
    }

    /// <summary>An ID token as Entra ID issues it to the portal: app roles as one "roles" array. The portal checks its claims, not its signature (it came straight from the token endpoint).</summary>
    private static string IdToken(string? nonce)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Authority,
            ["aud"] = ClientId,
            ["sub"] = "dana-okafor",
            ["name"] = "Dana Okafor",
            ["roles"] = new[] { "Therapist", "LibraryEditor" },
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        static string Part(object value) => Base64UrlTextEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
        return $"{Part(new { alg = "RS256", typ = "JWT", kid = "test" })}.{Part(claims)}.{Base64UrlTextEncoder.Encode(new byte[32])}";
    }

    /// <summary>A token the local host issues in Development, which its API accepts: the access token Entra ID would grant a therapist of clinic-a.</summary>
    private Task<string> IssueTherapistTokenAsync() => DevApi.TokenAsync(fixture.BaseAddress, subject: "dana-okafor");

    private static Dictionary<string, string> Query(string query) =>
        QueryHelpers.ParseQuery(query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);

    private static Task Redirect(IRoute route, string location) =>
        route.FulfillAsync(new RouteFulfillOptions { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = location } });

    private static RouteFulfillOptions Json(object body) => new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(body) };

    private RouteFulfillOptions Cors(RouteFulfillOptions options)
    {
        options.Headers = new Dictionary<string, string>
        {
            ["Access-Control-Allow-Origin"] = fixture.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["Access-Control-Allow-Headers"] = "authorization, content-type",
            ["Access-Control-Allow-Methods"] = "GET, POST",
        };
        return options;
    }
}
