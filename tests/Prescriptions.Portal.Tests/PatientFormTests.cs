using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>"New patient" registers through the API and opens the patient page; the API's reasons appear next to their fields; a stale edit offers Reload.</summary>
public sealed class PatientFormTests : PortalTestContext
{
    [Fact]
    public void Registering_sends_the_details_leaving_empty_ones_out_and_opens_the_patient_page()
    {
        var page = Render<NewPatientPage>();

        page.Find("#patient-givenName").Change(" Ada ");
        page.Find("#patient-familyName").Change("Lovelace");
        page.Find("#patient-birthDate").Change("1980-04-02");
        page.Find("#patient-email").Change("ada@example.org");
        page.Find("form").Submit();

        var registered = Assert.Single(Api.Registered);
        Assert.Equal(new PatientInput("clinic-a", "Ada", "Lovelace", null, new DateOnly(1980, 4, 2), "ada@example.org", null, null), registered);
        Assert.EndsWith("/patients/pat_new", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_s_reasons_appear_next_to_the_fields_they_name_and_the_rest_in_the_banner()
    {
        Api.RefuseNextWrite = new ApiProblem(null, "The request has invalid fields.", 400, null, new Dictionary<string, string[]>
        {
            ["givenName"] = ["Give 1-100 characters."],
            ["email"] = ["Give an email address such as name@example.org."],
            ["clinicId"] = ["is not one of your clinics"],
        });
        var page = Render<NewPatientPage>();

        page.Find("#patient-familyName").Change("Lovelace");
        page.Find("form").Submit();

        Assert.Contains("1-100 characters", page.Find("#problem-givenName").TextContent, StringComparison.Ordinal);
        Assert.Equal("problem-givenName", page.Find("#patient-givenName").GetAttribute("aria-describedby"));
        Assert.Contains("name@example.org", page.Find("#problem-email").TextContent, StringComparison.Ordinal);
        Assert.Contains("clinicId: is not one of your clinics", page.Find("[data-problem='400']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("name@example.org", page.Find("[data-problem='400']").TextContent, StringComparison.Ordinal);
        Assert.Empty(Api.Registered);
    }

    [Fact]
    public void Editing_sends_the_etag_read_and_a_412_offers_to_reload_the_patient()
    {
        var ada = FakePrescriptionsApi.Details("pat_1", new PatientInput(null, "Ada", "Lovelace", "MRN-1", null, null, null, null), version: 1);
        Api.PatientsById["pat_1"] = new Versioned<PatientDetails>(ada, "\"1\"");
        var page = Render<PatientPage>(parameters => parameters.Add(p => p.PatientId, "pat_1"));

        page.FindAll("fluent-button").Single(button => button.TextContent == "Edit details").Click();
        Api.RefuseNextWrite = new ApiProblem(null, "The patient changed.", 412, "Someone saved the patient since you read them.", null);
        page.Find("#patient-familyName").Change("Byron");
        page.Find("form.patient-form").Submit();

        Assert.Empty(Api.Updates);
        Assert.Contains("changed this patient's details", page.Find("[data-problem='412']").TextContent, StringComparison.Ordinal);
        Api.PatientsById["pat_1"] = new Versioned<PatientDetails>(ada with { FamilyName = "King", Version = 2 }, "\"2\"");
        page.Find("[data-problem='412'] fluent-button").Click();

        Assert.Equal("King", page.Find("#patient-familyName").GetAttribute("value"));
        page.Find("#patient-familyName").Change("Byron");
        page.Find("form.patient-form").Submit();
        var update = Assert.Single(Api.Updates);
        Assert.Equal(("pat_1", "Byron", "\"2\""), (update.PatientId, update.Patient.FamilyName, update.ETag));
        Assert.Contains("Saved the patient's details.", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ada Byron", page.Find("h1").TextContent, StringComparison.Ordinal);
    }
}
