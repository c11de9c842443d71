using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>The patient page: details, programs linking to their pages, "New program", and the active program's follow-up (charts, alerts, history).</summary>
public sealed class PatientPageTests : PortalTestContext
{
    private const string PatientId = "pat_1";

    private IRenderedComponent<PatientPage> RenderWithAnActiveProgram()
    {
        Api.PatientsById[PatientId] = new Versioned<PatientDetails>(
            FakePrescriptionsApi.Details(PatientId, new PatientInput(null, "Ada", "Lovelace", "MRN-1", new DateOnly(1980, 4, 2), "ada@example.org", null, null), 1), "\"1\"");
        Api.Programs.AddRange(
        [
            new ProgramOverview("rx-now", PatientId, "lateral-ankle-sprain", 2, "active", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), null, null, null, 6, 3),
            new ProgramOverview("rx-old", PatientId, "lateral-ankle-sprain", 1, "completed", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), null, null, null, 4, 9),
        ]);
        Api.All.Add(FakePrescriptionsApi.Line("rx-now", "Ada") with { PatientId = PatientId });
        Api.CheckIns["rx-now"] = new CheckInReport("rx-now",
            [new PatientCheckIn(new DateOnly(2026, 11, 5), 3, 8, 7, "tooHard", null)],
            new AdherenceReport(3, [new WeekAdherence(1, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 5), 3, 3, 100)], 3, 3, 100),
            [new AlertDetails("alrt_1", "rx-now", "highPain", DateTimeOffset.UnixEpoch, "Pain 8/10 at the check-in of 5 Nov.", "open", null, null)]);
        Api.Readiness["rx-now"] = new ReadinessReport(2, false, 4, 14, []);
        Api.History.Add(new AuditEntry(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), "therapist-1", "user", "prescription.activated", "Activated", [new FieldChange("Status", "draft", "active")], 2));
        return Render<PatientPage>(parameters => parameters.Add(p => p.PatientId, PatientId));
    }

    [Fact]
    public void The_page_shows_the_details_the_programs_with_their_links_and_New_program()
    {
        var page = RenderWithAnActiveProgram();

        Assert.Equal("Ada Lovelace", page.Find("h1").TextContent);
        Assert.Contains("MRN-1", page.Find("dl.details").TextContent, StringComparison.Ordinal);
        Assert.Equal("patients/pat_1/programs/new", page.FindAll("a").Single(link => link.TextContent == "New program").GetAttribute("href"));
        Assert.Equal(["programs/rx-now", "programs/rx-old"], page.FindAll("table[data-programs] tbody a").Select(link => link.GetAttribute("href")));
        Assert.Contains("Lateral ankle sprain", page.Find("tr[data-prescription-id=rx-now]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Completed", page.Find("tr[data-prescription-id=rx-old]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_active_program_shows_its_charts_its_open_alerts_and_its_history()
    {
        var page = RenderWithAnActiveProgram();

        Assert.Equal("rx-now", page.Find("[data-current-program]").GetAttribute("data-current-program"));
        Assert.Single(page.FindAll("[data-chart=adherence] rect.bar"));
        Assert.Contains("pain now 8/10", page.Find("#pain-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains("High pain", page.Find("li[data-alert-id=alrt_1]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Status: draft → active", page.Find("ol.history").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledge_acknowledges_the_alert_and_it_leaves_the_open_ones()
    {
        var page = RenderWithAnActiveProgram();

        page.Find("li[data-alert-id=alrt_1] fluent-button").Click();

        Assert.Equal(["alrt_1"], Api.Acknowledged);
        Assert.Empty(page.FindAll("li[data-alert-id]"));
        Assert.Contains("Acknowledged: High pain.", page.Find("#alert-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Advancing_reads_the_page_again_at_the_new_phase()
    {
        var page = RenderWithAnActiveProgram();

        page.Find("form.advance input[type=checkbox]").Change(true);
        page.Find("#advance-reason").Change("Surgeon cleared progression.");
        page.Find("form.advance").Submit();

        Assert.Equal("\"3\"", Assert.Single(Api.Advances).ETag);
        page.WaitForAssertion(() => Assert.Contains("Advanced to phase 3.", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("phase 3", page.Find("#current-heading").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_id_from_the_ehr_without_a_registered_patient_still_shows_its_programs()
    {
        Api.Programs.Add(new ProgramOverview("rx-ehr", "ehr-77", "lateral-ankle-sprain", 1, "draft", DateTimeOffset.UnixEpoch, null, null, null, null, 1));
        Api.All.Add(FakePrescriptionsApi.Line("rx-ehr", "MRN-77") with { PatientId = "ehr-77" });

        var page = Render<PatientPage>(parameters => parameters.Add(p => p.PatientId, "ehr-77"));

        Assert.Equal("MRN-77", page.Find("h1").TextContent);
        Assert.Contains("Not registered in the portal", page.Find("[data-patient]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("fluent-button"), button => button.TextContent == "Edit details");
        Assert.Equal("programs/rx-ehr", page.Find("table[data-programs] tbody a").GetAttribute("href"));
    }

    [Fact]
    public void Another_clinic_s_patient_is_not_found()
    {
        var page = Render<PatientPage>(parameters => parameters.Add(p => p.PatientId, "pat_elsewhere"));

        Assert.Equal("Patient not found", page.Find("h1").TextContent);
        Assert.Contains("None of your clinics", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }
}
