using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Prescriptions.Application.FollowUps;
using Prescriptions.Testing;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The therapist's patient screens as steps a test chains: sign in (development), register a patient, open their page,
/// acknowledge an alert, record a measurement, advance with an override; and the patient's check-in through their link.
/// Each step waits for a marker the app renders, never for page load. Navigation stays inside the app (links), since
/// reloading the page would drop the development sign-in, which lives in memory as Entra's would in its cache.
/// </summary>
public sealed class PatientSteps
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private readonly BrowserFixture fixture;
    private readonly ITestOutputHelper output;

    private PatientSteps(BrowserFixture fixture, ITestOutputHelper output, IPage page)
    {
        this.fixture = fixture;
        this.output = output;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Console errors, script errors and refused requests seen so far: a clean run has none.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Opens the portal in a fresh browser context and signs in (development) as therapist-1 of clinic-a.</summary>
    public static async Task<PatientSteps> SignInAsync(BrowserFixture fixture, ITestOutputHelper output, int width = 1280, int height = 800)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var steps = new PatientSteps(fixture, output, await context.NewPageAsync());
        PageProblems.Watch(steps.Page, steps.Problems);
        await steps.Page.GotoAsync(fixture.BaseAddress.ToString());
        await steps.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync(new() { Timeout = 60_000 });
        await steps.Page.Locator("[data-worklist=loaded]").WaitForAsync(new() { Timeout = 30_000 });
        return steps;
    }

    /// <summary>Patients → "New patient" → the form → the new patient's page; answers the patient id the page's address names.</summary>
    public async Task<string> RegisterPatientAsync(string givenName, string familyName, string externalId)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Search patients")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "New patient" }).ClickAsync();
        await Page.GetByLabel("Given name").FillAsync(givenName);
        await Page.GetByLabel("Family name").FillAsync(familyName);
        await Page.GetByLabel("EHR id (optional)").FillAsync(externalId);
        await Page.GetByLabel("Email for follow-up (optional)").FillAsync($"{externalId.ToLowerInvariant()}@example.org");
        await CaptureAsync("patient-new");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();
        await Page.Locator("[data-patient=loaded]").WaitForAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{givenName} {familyName}");
        return Uri.UnescapeDataString(new Uri(Page.Url).Segments[^1]);
    }

    /// <summary>Finds the patient by their EHR id on the Patients screen and opens their page from the result.</summary>
    public async Task OpenPatientByExternalIdAsync(string externalId, string fullName)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await Page.GetByLabel("EHR id").CheckAsync();
        await Page.GetByLabel("Search patients").FillAsync(externalId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Page.Locator("[data-patients=loaded]").WaitForAsync();
        await CaptureAsync("patients-search");
        await Page.GetByRole(AriaRole.Link, new() { Name = fullName }).ClickAsync();
        await Page.Locator("[data-patient=loaded]").WaitForAsync();
    }

    /// <summary>An active program with follow-up for the patient, through the API as a dev token's caller (the builder's steps do this in the UI).</summary>
    public async Task<string> CreateActiveProgramThroughApiAsync(string patientId)
    {
        return await DevApi.CreateActiveAsync(fixture.BaseAddress, DevApi.AnkleSprainProgram(patientId, weeks: 6,
            followUp: new { email = "patient@example.org", timeZone = "Europe/Oslo", reminderTime = "18:00", checkInEveryDays = 3 }));
    }

    /// <summary>
    /// The patient checks in through their link, in a browser context of their own (not signed in): the link the
    /// follow-up email carries, issued by the host's CheckInLinks (the end-to-end flow reads it from the email instead).
    /// </summary>
    public Task CheckInAsPatientAsync(string prescriptionId, int sessions, int painNow, int painDuringExercise)
    {
        var token = fixture.Services.GetRequiredService<CheckInLinks>().Issue("clinic-a", prescriptionId, DateTimeOffset.UtcNow);
        return CheckInThroughLinkAsync(new Uri(fixture.BaseAddress, $"/api/checkin/{Uri.EscapeDataString(token)}"), sessions, painNow, painDuringExercise);
    }

    /// <summary>
    /// As a patient on a phone: the link opens the programme (today's exercises first), "Tell us how it is going" jumps to
    /// the check-in, today's answers are sent, and the thanks come back (the pages' axe checks are PatientPagesTests').
    /// </summary>
    public async Task CheckInThroughLinkAsync(Uri link, int sessions, int painNow, int painDuringExercise)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var patient = await context.NewPageAsync();
        await patient.GotoAsync(link.ToString());
        await Assertions.Expect(patient.Locator("section.exercise").First).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "Tell us how it is going" }).ClickAsync();
        await patient.GetByRole(AriaRole.Radio, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Today, ") }).CheckAsync();
        await patient.GetByLabel("How many times have you done your exercises since you last told us?").FillAsync($"{sessions}");
        await patient.GetByLabel("How much pain do you have right now?").SelectOptionAsync($"{painNow}");
        await patient.GetByLabel("How much pain did you have during the exercises?").SelectOptionAsync($"{painDuringExercise}");
        await patient.GetByLabel("Too hard").CheckAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
    }

    /// <summary>Back to the worklist: the patient's line shows the check-in's pain and the alert's kind, and "Acknowledge" clears it in place.</summary>
    public async Task AcknowledgeOnWorklistAsync(string patientId, string alertKindInWords, int lastPain)
    {
        var row = await WorklistRowAsync(patientId);
        await Assertions.Expect(row).ToContainTextAsync($"{lastPain}/10");
        await Assertions.Expect(row).ToContainTextAsync(alertKindInWords);
        await CaptureAsync("worklist-alert");
        await row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Acknowledged the alerts" })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
    }

    /// <summary>Opens the patient's page from their worklist line.</summary>
    public async Task OpenPatientFromWorklistAsync(string patientId)
    {
        var row = await WorklistRowAsync(patientId);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Page.Locator("[data-patient=loaded]").WaitForAsync();
        await Page.Locator("[data-readiness]").WaitForAsync();
    }

    /// <summary>On the patient page, by keyboard only: "Record measurement" for a criterion, type the value, Enter; then the criterion reads as met.</summary>
    public async Task RecordMeasurementAsync(string measure, string value)
    {
        var row = Page.Locator($"tr[data-measure={measure}]");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record measurement") }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row.Locator("input[type=number]")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(value);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row.Locator("input[type=number]")).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync("Met");
    }

    /// <summary>"Advance phase" with unmet criteria: the override and its reason, then the page at the next phase.</summary>
    public async Task AdvanceWithOverrideAsync(string reason, int toPhase)
    {
        await Assertions.Expect(Page.Locator("ul.unmet li").First).ToBeVisibleAsync();
        await Page.GetByLabel("Advance although these are not met").CheckAsync();
        await Page.GetByLabel("Reason for advancing early").FillAsync(reason);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Advance phase" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Advanced to phase {toPhase}." })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#current-heading")).ToContainTextAsync($"phase {toPhase}");
    }

    /// <summary>
    /// The screen as it stands: no serious or critical axe violation, no horizontal scroll at 1280x800 and 768x1024, and a
    /// full-page screenshot at each in TestResults/screenshots.
    /// </summary>
    public async Task CaptureAsync(string screen)
    {
        var result = await Page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{screen}: {violation.Impact} {violation.Id}: {violation.Help} {string.Join(" | ", violation.Nodes.Select(n => n.Html).Take(3))}");
        }

        var blocking = result.Violations.Where(violation => Blocking.Contains(violation.Impact)).ToArray();
        Assert.True(blocking.Length == 0, $"{screen}: " + string.Join(Environment.NewLine, blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
        var original = Page.ViewportSize!;
        foreach (var (width, height) in new[] { (1280, 800), (768, 1024) })
        {
            await Page.SetViewportSizeAsync(width, height);
            var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{screen} is {scrollWidth} px wide in a {width} px viewport.");
            await Page.ScreenshotAsync(new() { Path = RepositoryPaths.Combine("TestResults", "screenshots", $"{screen}-{width}x{height}.png"), FullPage = true });
        }

        await Page.SetViewportSizeAsync(original.Width, original.Height);
    }

    private async Task<ILocator> WorklistRowAsync(string patientId)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Worklist", Exact = true }).ClickAsync();
        await Page.Locator("[data-worklist=loaded]").WaitForAsync();
        var row = Page.Locator("table.worklist tbody tr").Filter(new() { Has = Page.Locator($"a[href='patients/{patientId}']") });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        return row;
    }
}
