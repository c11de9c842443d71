using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Patients;

namespace Prescriptions.Portal.Tests;

/// <summary>Readiness per exit criterion with "Record measurement" posting to the API; "Advance phase" with unmet criteria only as an override with a reason.</summary>
public sealed class ProgressionPanelTests : PortalTestContext
{
    private const string Rx = "rx-1";

    private static readonly CriterionReadiness PainAtRest = new(new ExitCriterion("painAtRestNrs", "lte", 2, "nrs", null), "notMet", "Pain at rest 4 > 2.", null);

    private static readonly CriterionReadiness KneeFlexion = new(new ExitCriterion("kneeFlexionDegrees", "gte", 110, "degrees", "Knee flexion at least 110°"), "unknown", "No measurement in the last 14 days.", null);

    private IRenderedComponent<ProgressionPanel> RenderPanel(bool ready = false, CriterionReadiness? pain = null)
    {
        pain ??= PainAtRest;
        Api.Readiness[Rx] = new ReadinessReport(2, ready, 20, 14, ready ? [pain with { Status = "met" }] : [pain, KneeFlexion]);
        Api.Programs.Add(new ProgramOverview(Rx, "pt-1", "acl", 2, "active", DateTimeOffset.UnixEpoch, null, null, null, null, 4));
        return Render<ProgressionPanel>(parameters => parameters
            .Add(p => p.PrescriptionId, Rx)
            .Add(p => p.ETag, "\"etag-4\""));
    }

    [Fact]
    public void Each_criterion_shows_its_standing_in_words()
    {
        var panel = RenderPanel();

        var rows = panel.FindAll("table.criteria tbody tr");
        Assert.Equal(2, rows.Count);
        // The goal in the scale a therapist reads (out of 10), not the library's unit code.
        Assert.Contains("pain at rest nrs at most 2/10", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Not met", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Knee flexion at least 110°", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("No recent measurement", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_measurement_posts_the_value_in_the_criterion_s_measure_and_unit_and_reads_readiness_again()
    {
        var panel = RenderPanel();

        panel.Find("tr[data-measure=kneeFlexionDegrees] fluent-button").Click();
        Api.Readiness[Rx] = Api.Readiness[Rx] with { Criteria = [PainAtRest, KneeFlexion with { Status = "met", Explanation = "Measured 115." }] };
        panel.Find("#measurement-1").Change("115");
        panel.Find("form.measurement-form").Submit();

        Assert.Equal([(Rx, new MeasurementInput("kneeFlexionDegrees", 115, "degrees"))], Api.Measurements);
        Assert.Contains("Measured 115.", panel.Find("tr[data-measure=kneeFlexionDegrees]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("form.measurement-form"));
    }

    [Fact]
    public void A_measurement_without_a_number_is_refused_next_to_the_field_and_nothing_is_posted()
    {
        var panel = RenderPanel();

        panel.Find("tr[data-measure=painAtRestNrs] fluent-button").Click();
        panel.Find("form.measurement-form").Submit();

        Assert.Empty(Api.Measurements);
        Assert.Contains("as a number", panel.Find("#problem-value").TextContent, StringComparison.Ordinal);
        Assert.Equal("problem-value", panel.Find("#measurement-0").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void A_pain_reading_and_its_measurement_field_read_out_of_ten_not_as_the_unit_code()
    {
        var panel = RenderPanel(pain: PainAtRest with { Evidence = new Evidence("painAtRestNrs", 3, "nrs", new DateTimeOffset(2026, 11, 12, 18, 0, 0, TimeSpan.Zero), "check-in") });

        panel.Find("tr[data-measure=painAtRestNrs] fluent-button").Click();

        var row = panel.Find("tr[data-measure=painAtRestNrs]").TextContent;
        Assert.Contains("3/10 on 12 Nov (check-in)", row, StringComparison.Ordinal);
        Assert.Contains("(0 to 10)", panel.Find("label[for=measurement-0]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("3 nrs", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Advancing_with_unmet_criteria_shows_them_and_asks_for_the_override_then_for_a_reason()
    {
        var panel = RenderPanel();

        var unmet = panel.FindAll("ul.unmet li").Select(item => item.TextContent).ToArray();
        Assert.Equal(2, unmet.Length);
        Assert.Contains("not met", unmet[0], StringComparison.Ordinal);

        panel.Find("form.advance").Submit();
        Assert.Contains("tick", panel.Find("#problem-override").TextContent, StringComparison.Ordinal);

        panel.Find("form.advance input[type=checkbox]").Change(true);
        panel.Find("form.advance").Submit();
        Assert.Contains("Say why", panel.Find("#problem-reason").TextContent, StringComparison.Ordinal);
        Assert.Empty(Api.Advances);

        panel.Find("#advance-reason").Change("  Pain settled after the injection; the surgeon agrees.  ");
        panel.Find("form.advance").Submit();

        var advance = Assert.Single(Api.Advances);
        Assert.Equal((Rx, new AdvanceInput(true, "Pain settled after the injection; the surgeon agrees."), "\"etag-4\""), advance);
    }

    [Fact]
    public void A_ready_patient_advances_without_an_override()
    {
        Versioned<ProgramOverview>? advanced = null;
        var panel = RenderPanel(ready: true);
        panel.Render(parameters => parameters.Add(p => p.OnAdvanced, (Versioned<ProgramOverview> program) => { advanced = program; }));

        Assert.Empty(panel.FindAll("form.advance input[type=checkbox]"));
        panel.Find("form.advance").Submit();

        Assert.Equal((Rx, new AdvanceInput(null, null), "\"etag-4\""), Assert.Single(Api.Advances));
        Assert.Equal(3, advanced?.Value.Phase);
    }

    [Fact]
    public void A_stale_advance_offers_to_reload()
    {
        var reloaded = false;
        var panel = RenderPanel(ready: true);
        panel.Render(parameters => parameters.Add(p => p.OnReload, () => { reloaded = true; }));
        Api.RefuseNextWrite = new ApiProblem(null, "The prescription changed.", 412, "Read it again.", null);

        panel.Find("form.advance").Submit();
        panel.Find("[data-problem='412'] fluent-button").Click();

        Assert.Empty(Api.Advances);
        Assert.True(reloaded);
    }
}
