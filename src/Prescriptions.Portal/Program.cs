using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.FluentUI.AspNetCore.Components;
using Prescriptions.Portal;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Auth;
using Prescriptions.Portal.Clinics;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<HeadOutlet>("head::after");

var settings = builder.Configuration.GetSection(PortalSettings.SectionName).Get<PortalSettings>() ?? new PortalSettings();
if (settings.Missing() is { Count: > 0 } missing)
{
    builder.RootComponents.Add(typeof(NotConfigured), "#app", ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(NotConfigured.Missing)] = missing }));
    await builder.Build().RunAsync();
    return;
}

builder.RootComponents.Add<App>("#app");
builder.Services.AddSingleton(settings);
builder.Services.AddFluentUIComponents();

if (settings.UsesDevelopmentSignIn)
{
    // The local host in Development only: it alone serves a DevelopmentTokenUrl (PortalRuntimeSettings).
    builder.Services.AddAuthorizationCore();
    builder.Services.AddSingleton<DevelopmentSession>();
    builder.Services.AddSingleton<AuthenticationStateProvider>(provider => provider.GetRequiredService<DevelopmentSession>());
    builder.Services.AddSingleton<IAccessTokenProvider>(provider => provider.GetRequiredService<DevelopmentSession>());
}
else
{
    // Entra ID: authorization code + PKCE for the API's scope; app roles from the token's "roles" array.
    builder.Services.AddOidcAuthentication(options =>
    {
        options.ProviderOptions.Authority = settings.Authority;
        options.ProviderOptions.ClientId = settings.ClientId;
        options.ProviderOptions.ResponseType = "code";
        options.ProviderOptions.DefaultScopes.Add(settings.ApiScope);
        options.UserOptions.RoleClaim = RoleClaims.ClaimType;
        options.UserOptions.NameClaim = "name";
    }).AddAccountClaimsPrincipalFactory<RolesClaimsPrincipalFactory>();
}

// The API only through its configured base address, with the bearer token for its scope (and only there).
builder.Services.AddScoped(provider =>
{
    var bearer = new AuthorizationMessageHandler(provider.GetRequiredService<IAccessTokenProvider>(), provider.GetRequiredService<NavigationManager>())
        .ConfigureHandler(authorizedUrls: [settings.ApiBaseAddress.ToString()], scopes: [settings.ApiScope]);
    bearer.InnerHandler = new HttpClientHandler();
    return new PrescriptionsApi(new HttpClient(bearer) { BaseAddress = settings.ApiBaseAddress });
});
builder.Services.AddScoped<ClinicChoice>();

await builder.Build().RunAsync();
