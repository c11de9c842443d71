namespace Prescriptions.LocalHost.Portal;

/// <summary>
/// The "Portal" section the local host serves as the portal's /appsettings.json in Development: this host's API and its
/// development token route, so the portal signs in with "Sign in (development)" and calls the API at this host's address.
/// </summary>
public sealed record PortalRuntimeSettings(string ApiBaseUrl, string Authority, string ClientId, string ApiScope, string DevelopmentTokenUrl);
