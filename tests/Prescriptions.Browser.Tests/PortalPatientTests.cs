using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The patient screens end to end in Chromium: register a patient in the portal, an active program for them (through the
/// API), the patient's check-in through their link, the alert on the worklist acknowledged, the patient page's charts,
/// a measurement recorded and an advance with an override; axe and both screen sizes on every screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalPatientTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_therapist_follows_a_patient_from_registration_to_an_advance_with_an_override()
    {
        var steps = await PatientSteps.SignInAsync(fixture, output);
        var externalId = $"MRN-{Guid.NewGuid():N}"[..16];

        var patientId = await steps.RegisterPatientAsync("Ingrid", "Solberg", externalId);
        await steps.CaptureAsync("patient-registered");
        await steps.OpenPatientByExternalIdAsync(externalId, "Ingrid Solberg");
        var prescriptionId = await steps.CreateActiveProgramThroughApiAsync(patientId);
        await steps.CheckInAsPatientAsync(prescriptionId, sessions: 2, painNow: 8, painDuringExercise: 7);
        await steps.AcknowledgeOnWorklistAsync(patientId, "High pain", lastPain: 8);
        await steps.CaptureAsync("worklist");
        await steps.OpenPatientFromWorklistAsync(patientId);

        await Assertions.Expect(steps.Page.Locator("[data-chart=adherence] rect.bar").First).ToBeAttachedAsync();
        await Assertions.Expect(steps.Page.Locator("#pain-summary")).ToContainTextAsync("pain now 8/10, during exercise 7/10");
        await Assertions.Expect(steps.Page.GetByRole(AriaRole.Link, new() { Name = "New program" })).ToHaveAttributeAsync("href", $"patients/{patientId}/programs/new");
        await Assertions.Expect(steps.Page.GetByRole(AriaRole.Link, new() { Name = "Lateral ankle sprain" })).ToHaveAttributeAsync("href", $"programs/{prescriptionId}");
        await steps.CaptureAsync("patient-page");
        await steps.RecordMeasurementAsync("ankleDorsiflexionDegrees", "16");
        await steps.AdvanceWithOverrideAsync("Pain settles within an hour; progressing to strength work as agreed with the patient.", toPhase: 3);
        await Assertions.Expect(steps.Page.Locator("ol.history")).ToContainTextAsync("Pain settles within an hour");
        await steps.CaptureAsync("patient-page-advanced");

        Assert.True(steps.Problems.Count == 0, string.Join(Environment.NewLine, steps.Problems));
    }
}
