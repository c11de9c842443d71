namespace Prescriptions.LocalHost;

/// <summary>Switches of the local host, bound from the configuration section "LocalHost".</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>Turns scheduled timer runs off (tests use it); <c>POST /admin/functions/{name}</c> still runs them.</summary>
    public bool DisableTimers { get; set; }

    /// <summary>Overrides host.json's <c>extensions.http.routePrefix</c> when set; empty means no prefix.</summary>
    public string? RoutePrefix { get; set; }

    /// <summary>
    /// The key <c>POST /admin/functions/{name}</c> asks for in <c>x-functions-key</c>, as the Functions host asks for its
    /// master key. When set it is required in every environment; when unset the route is open in Development only and
    /// answers 404 elsewhere.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// Development only: the published portal's wwwroot folder, served at the host's root (./run.sh publishes it to
    /// .localhost/portal). Unset, the host serves no portal.
    /// </summary>
    public string? PortalRoot { get; set; }
}
