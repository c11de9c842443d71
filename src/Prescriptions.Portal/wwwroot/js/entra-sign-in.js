// Entra ID's metadata names Microsoft Graph as its userinfo endpoint, which accepts Graph tokens only; the access token
// the portal is granted is the API's (the portal asks for the API's scope). oidc-client, under Blazor's
// AuthenticationService, calls userinfo with it after every sign-in by default: Graph answers 401 and the sign-in fails.
// Everything the portal reads of the user (name, app roles) is in the ID token, so that call is turned off before the
// service starts. Blazor's OidcProviderOptions has no setting for it; this wraps the service's init.
(() => {
  const service = window.AuthenticationService;
  const init = service.init.bind(service);
  service.init = (settings, logger) => init({ ...settings, loadUserInfo: false }, logger);
})();
