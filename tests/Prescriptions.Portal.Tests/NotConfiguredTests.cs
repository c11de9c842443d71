using Bunit;

namespace Prescriptions.Portal.Tests;

/// <summary>A deployment without its runtime settings says which ones, instead of failing with a script error.</summary>
public sealed class NotConfiguredTests : BunitContext
{
    [Fact]
    public void The_missing_settings_are_named_in_an_alert()
    {
        var page = Render<NotConfigured>(parameters => parameters.Add(p => p.Missing, ["Portal:ApiBaseUrl", "Portal:ClientId"]));

        Assert.Contains("Portal:ApiBaseUrl, Portal:ClientId", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }
}
