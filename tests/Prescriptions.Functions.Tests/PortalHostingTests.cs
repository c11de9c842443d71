using System.Net;
using System.Text.Json;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// The local host serves a published portal (LocalHost:PortalRoot) in Development only, with runtime settings that point
/// the portal at this host's API and development tokens; the API's routes are never shadowed by it.
/// </summary>
public sealed class PortalHostingTests : IDisposable
{
    private const string IndexHtml = "<!DOCTYPE html><title>portal</title><div id=\"app\"></div>";
    private readonly string portalRoot = Directory.CreateTempSubdirectory("portal-").FullName;

    public PortalHostingTests()
    {
        File.WriteAllText(Path.Combine(portalRoot, "index.html"), IndexHtml);
        Directory.CreateDirectory(Path.Combine(portalRoot, "css"));
        File.WriteAllText(Path.Combine(portalRoot, "css", "portal.css"), "body { margin: 0; }");
    }

    [Fact]
    public async Task In_development_the_portal_its_client_routes_and_its_development_settings_are_served_beside_the_api()
    {
        await using var api = await ApiHost.StartAsync("UseDevelopmentStorage=true", null, $"--LocalHost:PortalRoot={portalRoot}");

        Assert.Equal(IndexHtml, await api.Client.GetStringAsync("/"));
        Assert.Equal(IndexHtml, await api.Client.GetStringAsync("/patients"));
        Assert.Equal("body { margin: 0; }", await api.Client.GetStringAsync("/css/portal.css"));

        using var settings = JsonDocument.Parse(await api.Client.GetStringAsync("/appsettings.json"));
        var portal = settings.RootElement.GetProperty("portal");
        Assert.Equal(new Uri(api.Client.BaseAddress!, "/api/").ToString(), portal.GetProperty("apiBaseUrl").GetString());
        Assert.Equal(new Uri(api.Client.BaseAddress!, "/dev/token").ToString(), portal.GetProperty("developmentTokenUrl").GetString());

        var unknown = await api.Client.GetAsync("/api/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Outside_development_no_portal_and_no_development_settings_are_served()
    {
        await using var api = await ApiHost.StartAsync(
            "UseDevelopmentStorage=true",
            null,
            "--environment=Production",
            "--AzureAd:Instance=https://login.microsoftonline.com/",
            "--AzureAd:TenantId=7d3c2a10-0000-4000-8000-00000000a001",
            "--AzureAd:ClientId=5b0e6f3c-0000-4000-8000-00000000a002",
            $"--LocalHost:PortalRoot={portalRoot}");

        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/appsettings.json")).StatusCode);
    }

    public void Dispose() => Directory.Delete(portalRoot, recursive: true);
}
