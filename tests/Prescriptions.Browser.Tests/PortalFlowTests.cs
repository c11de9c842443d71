using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The whole therapist's and patient's flow in one browser session, as issue 15 lists it: sign in, register a patient,
/// build a program with one swap and one dose edit, activate it, open the handout, the patient checks in through the
/// link of the welcome email (maildev), the check-in and its alert reach the worklist and the clinic's inbox, the
/// therapist acknowledges it and advances the phase with an override. Each step waits for a marker the app renders.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_therapist_prescribes_the_patient_checks_in_from_the_email_and_the_therapist_acts_on_the_alert()
    {
        var therapist = await PatientSteps.SignInAsync(fixture, output);
        var externalId = $"MRN-{Guid.NewGuid():N}"[..16];
        var patientEmail = $"{externalId.ToLowerInvariant()}@example.org";

        var patientId = await therapist.RegisterPatientAsync("Maja", "Flow", externalId);
        await therapist.Page.GetByRole(AriaRole.Link, new() { Name = "New program" }).ClickAsync();
        await therapist.Page.Locator("[data-builder=ready]").WaitForAsync(new() { Timeout = 30_000 });
        var builder = new BuilderSteps(therapist.Page, fixture.BaseAddress);
        await builder.ChooseConditionAsync("S93", "lateral-ankle-sprain", phase: 2, side: "left");
        await builder.SetLimitsAsync("partial", ["band", "chair"], minutes: 20, exercises: 5);
        var previewed = await builder.PreviewAsync();
        var swappedIn = await builder.SwapAsync(previewed[0]);
        var dose = await builder.EditSetsAsync(previewed[1], sets: 2);
        var prescriptionId = await builder.SaveDraftAsync();
        Assert.Equal([swappedIn, .. previewed.Skip(1)], await builder.ItemIdsAsync());
        await builder.ActivateAsync(patientEmail, "Europe/Oslo", "18:00", 1);
        await Assertions.Expect(builder.Item(previewed[1]).Locator("[data-dose]")).ToHaveTextAsync(dose);
        var handout = await builder.PrintHandoutAsync();
        Assert.Equal(200, handout.Status);
        Assert.Equal("application/pdf", (await handout.HeaderValueAsync("content-type"))?.Split(';')[0]);

        // The follow-up timer sends the welcome; the patient opens its link and checks in with high pain.
        await PatientInbox.RunTimerAsync(fixture.BaseAddress, "SendFollowUps");
        var welcome = await PatientInbox.WaitForEmailAsync(fixture.MailApi, patientEmail, "Your home exercise programme is ready");
        var link = PatientInbox.LinkIn(welcome, new Uri(fixture.BaseAddress, "/api/checkin/"));
        await therapist.CheckInThroughLinkAsync(link, sessions: 1, painNow: 8, painDuringExercise: 7);

        // The relay mails the alert to the clinic: the email names the patient and links to their page in the portal.
        await PatientInbox.RunTimerAsync(fixture.BaseAddress, "DeliverWebhooks");
        // Other tests of the fixture alert the same clinic: the subject names this patient.
        var alertEmail = await PatientInbox.WaitForEmailAsync(fixture.MailApi, BrowserFixture.ClinicAlertAddress, "High pain reported: patient Maja Flow");
        Assert.Contains("Maja Flow", alertEmail, StringComparison.Ordinal);
        Assert.Contains(new Uri(fixture.BaseAddress, $"/patients/{patientId}").ToString(), alertEmail, StringComparison.Ordinal);

        await therapist.AcknowledgeOnWorklistAsync(patientId, "High pain", lastPain: 8);
        await therapist.OpenPatientFromWorklistAsync(patientId);
        await Assertions.Expect(therapist.Page.Locator("#pain-summary")).ToContainTextAsync("pain now 8/10, during exercise 7/10");
        await therapist.AdvanceWithOverrideAsync("Pain settles within the hour; strength work agreed with the patient.", toPhase: 3);
        await Assertions.Expect(therapist.Page.Locator("ol.history")).ToContainTextAsync("Pain settles within the hour");
        await therapist.CaptureAsync("flow-advanced");

        Assert.Equal(prescriptionId, (await therapist.Page.GetByRole(AriaRole.Link, new() { Name = "Lateral ankle sprain" }).First.GetAttributeAsync("href"))?.Split('/')[^1]);
        Assert.True(therapist.Problems.Count == 0, string.Join(Environment.NewLine, therapist.Problems));
    }
}
