namespace Prescriptions.Portal;

/// <summary>
/// The portal's runtime settings (section "Portal" of wwwroot/appsettings.json), written at deploy time in Azure and
/// served by the local host in Development, so one build runs everywhere.
/// </summary>
public sealed class PortalSettings
{
    public const string SectionName = "Portal";

    /// <summary>The API's base address, ending in "/api/": every call the portal makes goes through it.</summary>
    public string ApiBaseUrl { get; set; } = string.Empty;

    /// <summary>Entra ID's authority, e.g. https://login.microsoftonline.com/{tenantId}/v2.0.</summary>
    public string Authority { get; set; } = string.Empty;

    /// <summary>The portal's own app registration (an SPA).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The API's delegated scope, e.g. api://prescriptions/access_as_user.</summary>
    public string ApiScope { get; set; } = string.Empty;

    /// <summary>
    /// The local host's POST /dev/token when it serves the portal in Development; empty everywhere else. When set, the
    /// portal signs in with "Sign in (development)" instead of Entra ID.
    /// </summary>
    public string DevelopmentTokenUrl { get; set; } = string.Empty;

    public bool UsesDevelopmentSignIn => DevelopmentTokenUrl.Length > 0;

    /// <summary>The settings this deployment still lacks, by their names in appsettings.json; none when the portal can start.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            missing.Add("Portal:ApiBaseUrl");
        }

        if (!UsesDevelopmentSignIn)
        {
            missing.AddRange(new[] { ("Portal:Authority", Authority), ("Portal:ClientId", ClientId), ("Portal:ApiScope", ApiScope) }
                .Where(setting => string.IsNullOrWhiteSpace(setting.Item2))
                .Select(setting => setting.Item1));
        }

        return missing;
    }

    public Uri ApiBaseAddress => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");
}
