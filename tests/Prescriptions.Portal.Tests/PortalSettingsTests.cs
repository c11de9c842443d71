namespace Prescriptions.Portal.Tests;

/// <summary>The runtime settings a deployment must write before the portal starts, named as in appsettings.json.</summary>
public sealed class PortalSettingsTests
{
    [Fact]
    public void Unwritten_settings_are_named()
    {
        Assert.Equal(["Portal:ApiBaseUrl", "Portal:Authority", "Portal:ClientId", "Portal:ApiScope"], new PortalSettings().Missing());
    }

    [Fact]
    public void Entra_sign_in_needs_the_authority_the_client_id_and_the_scope()
    {
        var settings = new PortalSettings { ApiBaseUrl = "https://api.example.test/api", Authority = "https://login.microsoftonline.com/tenant/v2.0", ClientId = "portal" };

        Assert.Equal(["Portal:ApiScope"], settings.Missing());
        Assert.Equal(new Uri("https://api.example.test/api/"), settings.ApiBaseAddress);
    }

    [Fact]
    public void The_development_sign_in_needs_only_the_api_and_the_token_route()
    {
        var settings = new PortalSettings { ApiBaseUrl = "http://127.0.0.1:7071/api/", DevelopmentTokenUrl = "http://127.0.0.1:7071/dev/token" };

        Assert.Empty(settings.Missing());
        Assert.True(settings.UsesDevelopmentSignIn);
    }
}
