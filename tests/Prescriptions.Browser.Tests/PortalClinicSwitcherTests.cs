using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Prescriptions.Testing;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>A therapist of two clinics (development sign-in for "clinic-a,clinic-b") switches the worklist from one clinic to the other.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalClinicSwitcherTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Choosing_clinic_b_shows_its_worklist_and_the_choice_holds_across_screens()
    {
        var patientId = $"clinic-b-{Guid.NewGuid():N}"[..20];
        await CreateDraftInClinicBAsync(patientId);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseAddress.ToString());
        await page.GetByLabel("Clinic").FillAsync("clinic-a,clinic-b", new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync();
        await page.Locator("[data-worklist=loaded]").WaitForAsync(new() { Timeout = 30_000 });
        var switcher = page.GetByLabel("Clinic");
        await Assertions.Expect(switcher).ToHaveValueAsync("clinic-a");
        await Assertions.Expect(page.Locator("table.worklist tbody tr", new() { HasText = patientId })).ToHaveCountAsync(0);

        await switcher.SelectOptionAsync("clinic-b");

        await Assertions.Expect(page.Locator("table.worklist caption")).ToContainTextAsync("Programs of clinic-b");
        await Assertions.Expect(page.Locator("table.worklist tbody tr", new() { HasText = patientId })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Library" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Worklist" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.worklist tbody tr", new() { HasText = patientId })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Clinic")).ToHaveValueAsync("clinic-b");
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(violation => violation.Impact is "serious" or "critical").ToArray();
        Assert.True(blocking.Length == 0, string.Join(Environment.NewLine, blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help}")));
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Combine("TestResults", "screenshots", "worklist-clinic-switcher-1280x800.png") });
        output.WriteLine($"{result.Violations.Length} axe findings below serious.");
    }

    private async Task CreateDraftInClinicBAsync(string patientId)
    {
        var token = await DevApi.TokenAsync(fixture.BaseAddress, "clinic-b", "therapist-b");
        await DevApi.PostAsync(fixture.BaseAddress, token, "/api/prescriptions", new { patientId, conditionId = "lateral-ankle-sprain", phase = 1, side = "right" });
    }
}
