using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Prescriptions.Testing;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The portal as the local host serves it in Development: "Sign in (development)" as a therapist of clinic-a, and the
/// worklist shows a prescription the API created, read through the portal's configured API base address.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalWorklistTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(768, 1024)]
    public async Task A_therapist_signs_in_for_development_and_sees_a_created_prescription_on_the_worklist(int width, int height)
    {
        var patientId = $"portal-{Guid.NewGuid():N}"[..20];
        await CreatePrescriptionAsync(patientId);
        var (page, problems) = await OpenSignedInAsync(width, height);

        var row = page.Locator("table.worklist tbody tr", new() { HasText = patientId });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(patientId);
        await Assertions.Expect(row).ToContainTextAsync("Lateral ankle sprain", new() { IgnoreCase = true });
        await Assertions.Expect(row).ToContainTextAsync("no check-in yet");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Worklist" })).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The worklist is {scrollWidth} px wide in a {width} px viewport.");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Combine("TestResults", "screenshots", $"worklist-{width}x{height}.png"), FullPage = true });
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_navigation_opens_the_library_from_the_api_and_the_patient_search()
    {
        var (page, problems) = await OpenSignedInAsync(1280, 800);

        await page.GetByRole(AriaRole.Link, new() { Name = "Library" }).ClickAsync();
        await page.Locator("[data-library=loaded]").WaitForAsync();
        Assert.True(await page.Locator("table.listing tbody tr").CountAsync() > 10, "The published library lists more than ten exercises.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Patients" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Search patients")).ToBeVisibleAsync();
        await AssertNoSeriousViolationAsync(page);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_worklist_has_no_serious_or_critical_accessibility_violation()
    {
        await CreatePrescriptionAsync($"portal-{Guid.NewGuid():N}"[..20]);
        var (page, _) = await OpenSignedInAsync(1280, 800);
        await page.Mouse.MoveAsync(1279, 799);

        await AssertNoSeriousViolationAsync(page);
    }

    private async Task AssertNoSeriousViolationAsync(IPage page)
    {
        var result = await page.RunAxe();

        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes) {string.Join(" | ", violation.Nodes.Select(n => n.Html).Take(3))}");
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToArray();
        Assert.True(blocking.Length == 0, string.Join(Environment.NewLine, blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
    }

    /// <summary>A draft for the patient in clinic-a, created as a partner's or a portal's call would.</summary>
    private async Task CreatePrescriptionAsync(string patientId)
    {
        await DevApi.PostAsync(fixture.BaseAddress, await DevApi.TokenAsync(fixture.BaseAddress), "/api/prescriptions", DevApi.AnkleSprainProgram(patientId, maxExercises: 6));
    }

    /// <summary>Opens the portal, signs in (development) with its defaults, and waits for the worklist the app marks as loaded.</summary>
    private async Task<(IPage Page, List<string> Problems)> OpenSignedInAsync(int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await page.GotoAsync(fixture.BaseAddress.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-worklist=loaded]").WaitForAsync(new() { Timeout = 30_000 });
        return (page, problems);
    }
}
