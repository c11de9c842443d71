using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Prescriptions.LocalHost.DevTokens;

namespace Prescriptions.LocalHost.Portal;

/// <summary>
/// Development only: serves the published portal (LocalHost:PortalRoot, its wwwroot folder) at the host's root, its
/// client-side routes falling back to index.html, and its runtime settings pointing at this host's API and dev tokens.
/// The API's routes keep their prefix (api/), so nothing of the portal shadows them.
/// </summary>
public static class PortalHosting
{
    public const string SettingsPath = "/appsettings.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapPortal(this WebApplication app, string portalRoot, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!File.Exists(Path.Combine(portalRoot, "index.html")))
        {
            app.Logger.LogWarning("LocalHost:PortalRoot is {PortalRoot}, which has no index.html: publish the portal there (./run.sh does).", portalRoot);
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(portalRoot));
        // The runtime's ICU data (.dat) is not among ASP.NET Core's default types.
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".dat"] = "application/octet-stream";

        app.MapGet(SettingsPath, (HttpContext context) =>
        {
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            var settings = new PortalRuntimeSettings(
                ApiBaseUrl: $"{origin}/{routePrefix}/",
                Authority: string.Empty,
                ClientId: string.Empty,
                ApiScope: string.Empty,
                DevelopmentTokenUrl: origin + DevTokenSetup.Route);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(JsonSerializer.Serialize(new { Portal = settings }, Json), "application/json");
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
    }
}
