using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The program builder in Chromium against the local host: a therapist signs in (development), builds a program for a
/// patient created through the API with one swap and one dose edit, saves the draft, activates it and opens the
/// handout; axe on the builder and the program view, screenshots of both at 1280x800 and 768x1024.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalBuilderTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(768, 1024)]
    public async Task A_therapist_builds_a_program_with_a_swap_and_a_dose_edit_saves_activates_and_prints_the_handout(int width, int height)
    {
        var patientId = await BuilderSteps.CreatePatientAsync(fixture.BaseAddress, "Ana", "Builder", "ana.builder@example.org");
        var (steps, problems) = await OpenAsync(width, height);

        await steps.OpenNewProgramAsync(patientId);
        await steps.ChooseConditionAsync("S93", "lateral-ankle-sprain", phase: 2, side: "left");
        await steps.SetLimitsAsync("partial", ["band", "chair"], minutes: 20, exercises: 6);
        var previewed = await steps.PreviewAsync();
        var swappedIn = await steps.SwapAsync(previewed[0]);
        var dose = await steps.EditSetsAsync(previewed[1], sets: 2);
        await steps.ShowLibraryAsync();
        await steps.AssertNoHorizontalScrollAsync();
        await steps.AssertAccessibleAsync(output.WriteLine);
        await steps.ScreenshotAsync("builder");

        var prescriptionId = await steps.SaveDraftAsync();
        Assert.Equal([swappedIn, .. previewed.Skip(1)], await steps.ItemIdsAsync());
        await Assertions.Expect(steps.Item(previewed[1]).Locator("[data-dose]")).ToHaveTextAsync(dose);
        await steps.ActivateAsync("ana.builder@example.org", "Europe/Berlin", "18:30", 7);
        Assert.EndsWith($"/programs/{prescriptionId}", steps.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(steps.Page.GetByRole(AriaRole.Heading, new() { Name = "Program (active)" })).ToBeVisibleAsync();
        await Assertions.Expect(steps.Page.GetByRole(AriaRole.Link, new() { Name = "New program" })).ToHaveAttributeAsync("href", $"patients/{patientId}/programs/new");
        await Assertions.Expect(steps.Item(swappedIn)).ToHaveCountAsync(1);
        await Assertions.Expect(steps.Item(previewed[1]).Locator("[data-dose]")).ToHaveTextAsync(dose);

        var handout = await steps.PrintHandoutAsync();
        Assert.Equal(200, handout.Status);
        Assert.Equal("application/pdf", (await handout.HeaderValueAsync("content-type"))?.Split(';')[0]);
        await steps.AssertNoHorizontalScrollAsync();
        await steps.AssertAccessibleAsync(output.WriteLine);
        await steps.ScreenshotAsync("program");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<(BuilderSteps Steps, List<string> Problems)> OpenAsync(int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        return (new BuilderSteps(page, fixture.BaseAddress), problems);
    }
}
