using System.Text.Json.Nodes;

namespace Prescriptions.Deployment.Tests;

/// <summary>The portal in the compiled template: its Static Web App, the function app's CORS for it alone, and the outputs its deploy hook reads.</summary>
[Collection(DeploymentTemplateCollection.Name)]
public sealed class PortalTemplateTests(DeploymentTemplate template)
{
    private JsonObject StaticWebApp => template.Minimal.One("Microsoft.Web/staticSites");

    /// <summary>What Azure will know of the portal's address once it exists: https:// and the Static Web App's default host name.</summary>
    private string PortalOriginExpression =>
        $"[format('https://{{0}}', reference('{(string)StaticWebApp["id"]!}', '{(string)StaticWebApp["apiVersion"]!}').defaultHostname)]";

    [Fact]
    public void The_portal_is_a_Static_Web_App_that_azd_deploys_as_the_web_service()
    {
        var site = StaticWebApp;

        Assert.Equal("web", (string?)site["tags"]?["azd-service-name"]);
        Assert.Equal("Custom", (string?)site["properties"]?["provider"]);
        Assert.Equal("Free", (string?)site["sku"]?["name"]);
        Assert.Equal("westeurope", (string?)site["location"]);
        Assert.Equal("eastus2", (string?)template.Full.One("Microsoft.Web/staticSites")["location"]);
        Assert.Equal((string)site["name"]!, template.Minimal.Outputs["SERVICE_WEB_NAME"]);
    }

    [Fact]
    public void The_function_app_allows_cross_origin_calls_from_the_portals_origin_only_and_without_credentials()
    {
        var cors = template.Minimal.One("Microsoft.Web/sites")["properties"]?["siteConfig"]?["cors"];

        Assert.NotNull(cors);
        var origin = Assert.Single(cors["allowedOrigins"]!.AsArray());
        Assert.Equal(PortalOriginExpression, (string?)origin);
        Assert.DoesNotContain("*", (string?)origin, StringComparison.Ordinal);
        Assert.False((bool?)cors["supportCredentials"] ?? true);
        Assert.Equal(PortalOriginExpression, template.Minimal.Outputs["SERVICE_WEB_URI"]);
    }

    [Fact]
    public void The_outputs_carry_the_portals_runtime_settings()
    {
        var minimal = template.Minimal.Outputs;
        var full = template.Full.Outputs;

        Assert.Equal("5b0e6f3c-0000-4000-8000-00000000b003", minimal["PORTAL_CLIENT_ID"]);
        Assert.Equal("api://prescriptions/access_as_user", minimal["PORTAL_API_SCOPE"]);
        Assert.Equal("api://prescriptions/portal.use", full["PORTAL_API_SCOPE"]);
        // Entra ID's v2.0 endpoint of the API's tenant: the subscription's unless entraTenantId names another.
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, '00000000-0000-4000-8000-000000000002')]", minimal["PORTAL_AUTHORITY"]);
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, '7d3c2a10-0000-4000-8000-00000000a001')]", full["PORTAL_AUTHORITY"]);
        Assert.StartsWith("[format('{0}/api/', format('https://{0}', reference('", minimal["PORTAL_API_BASE_URL"], StringComparison.Ordinal);
        Assert.Contains("/providers/Microsoft.Web/sites/", minimal["PORTAL_API_BASE_URL"], StringComparison.Ordinal);
    }
}
