using Bunit;
using Prescriptions.Portal.Pages;
using Prescriptions.Portal.Worklist;

namespace Prescriptions.Portal.Tests;

/// <summary>Each worklist line opens its patient's page and says why it needs attention in words, alerts or not.</summary>
public sealed class WorklistLinksTests : PortalTestContext
{
    [Fact]
    public void A_line_links_to_its_patient_page()
    {
        Api.All.Add(FakePrescriptionsApi.Line("rx-1", "Ada"));

        var page = Render<WorklistPage>();

        Assert.Equal("patients/pt-rx-1", page.Find("tr[data-prescription-id=rx-1] th a").GetAttribute("href"));
    }

    [Fact]
    public void Ready_to_progress_without_an_alert_and_an_undelivered_email_are_both_reasons()
    {
        var line = FakePrescriptionsApi.Line("rx-1", "Ada") with { AttentionReasons = ["readyToProgress"], OpenAlertKinds = ["deliveryFailed"] };
        Api.All.Add(line);
        Api.Attention.Add(line);

        var page = Render<WorklistPage>();

        Assert.Equal(["readyToProgress", "deliveryFailed"], AttentionReasons.Of(line));
        Assert.Equal(["Ready to progress", "Email not delivered"], page.FindAll("tr[data-prescription-id=rx-1] .alert-kind").Select(chip => chip.TextContent));
    }
}
