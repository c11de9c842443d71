using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>The worklist screen: the lines needing attention first, each once, and "Acknowledge" acknowledging the line's open alerts in place.</summary>
public sealed class WorklistPageTests : PortalTestContext
{
    [Fact]
    public void Lines_needing_attention_come_first_then_the_rest_each_once()
    {
        var calm = FakePrescriptionsApi.Line("rx-calm", "Ada");
        var painful = FakePrescriptionsApi.Line("rx-pain", "Bo", "highPain");
        Api.All.AddRange([calm, painful]);   // the API's own order: newest first
        Api.Attention.Add(painful);

        var page = Render<WorklistPage>();

        var patients = page.FindAll("tbody th[scope=row]").Select(cell => cell.TextContent).ToArray();
        Assert.Equal(["Bo", "Ada"], patients);
        Assert.Contains("attention", page.Find("tr[data-prescription-id=rx-pain]").ClassList);
        Assert.DoesNotContain("attention", page.Find("tr[data-prescription-id=rx-calm]").ClassList);
        Assert.Contains("High pain", page.Find("tr[data-prescription-id=rx-pain]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_shows_adherence_last_pain_and_days_in_phase_or_says_what_is_missing()
    {
        Api.All.Add(FakePrescriptionsApi.Line("rx-1", "Ada"));
        Api.All.Add(FakePrescriptionsApi.Line("rx-new", "Cy") with { AdherencePercent = null, LastPain = null });

        var page = Render<WorklistPage>();

        var known = page.Find("tr[data-prescription-id=rx-1]").TextContent;
        Assert.Contains("80 %", known, StringComparison.Ordinal);
        Assert.Contains("3/10", known, StringComparison.Ordinal);
        Assert.Contains("2. Strength", known, StringComparison.Ordinal);
        var fresh = page.Find("tr[data-prescription-id=rx-new]").TextContent;
        Assert.Contains("no sessions due yet", fresh, StringComparison.Ordinal);
        Assert.Contains("no check-in yet", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledge_acknowledges_each_open_alert_of_the_line_through_the_api_and_clears_them_in_place()
    {
        var painful = FakePrescriptionsApi.Line("rx-pain", "Bo", "highPain", "noCheckIn");
        Api.All.Add(painful);
        Api.Attention.Add(painful);
        Api.Alerts.AddRange(
        [
            new OpenAlert("alrt_1", "rx-pain", "highPain", "Pain 8/10"),
            new OpenAlert("alrt_2", "rx-pain", "noCheckIn", "No check-in for 10 days"),
            new OpenAlert("alrt_other", "rx-other", "highPain", "Pain 7/10"),
        ]);
        var page = Render<WorklistPage>();

        page.Find("tr[data-prescription-id=rx-pain] fluent-button").Click();

        Assert.Equal(["alrt_1", "alrt_2"], Api.Acknowledged);
        var row = page.Find("tr[data-prescription-id=rx-pain]");
        Assert.DoesNotContain("High pain", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll("fluent-button"));
        Assert.Contains("Acknowledged the alerts of Bo.", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_without_open_alerts_offers_no_acknowledge()
    {
        Api.All.Add(FakePrescriptionsApi.Line("rx-ready", "Di", "readyToProgress"));

        var page = Render<WorklistPage>();

        Assert.Empty(page.FindAll("fluent-button"));
    }
}
