using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The library as a therapist uses it: filter the published library by category and body region, open an exercise that
/// has an easier and a harder step, read its steps, safety and dose, and follow its progression chain to the next one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalLibraryTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_therapist_filters_the_library_opens_an_exercise_and_follows_its_progression_chain()
    {
        var steps = await PatientSteps.SignInAsync(fixture, output);
        var page = steps.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true }).ClickAsync();
        await page.Locator("[data-library=loaded]").WaitForAsync();
        await page.GetByLabel("Category").SelectOptionAsync("strength");
        await page.GetByLabel("Body region").SelectOptionAsync("knee");
        await page.GetByLabel("Search exercises").FillAsync("squat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.listing caption")).ToHaveTextAsync("Exercises matching “squat”, strength, knee");
        var rows = page.Locator("table.listing tbody tr");
        Assert.True(await rows.CountAsync() >= 2, "The library has more than one knee-strengthening squat.");
        foreach (var category in await page.Locator("table.listing tbody td:nth-of-type(1)").AllTextContentsAsync())
        {
            Assert.Equal("Strength", category);
        }

        await steps.CaptureAsync("library-filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Split squats", Exact = true }).ClickAsync();
        await page.Locator("[data-exercise=loaded]").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Split squats");
        Assert.True(await page.Locator(".exercise-steps li").CountAsync() > 1, "The exercise's steps are listed.");
        await Assertions.Expect(page.Locator(".exercise-dose")).ToContainTextAsync("sets");
        var chain = page.Locator(".exercise-chain ol");
        await Assertions.Expect(chain.Locator("a[aria-current=page]")).ToHaveTextAsync("Split squats (this exercise)");
        await Assertions.Expect(chain.Locator("li")).Not.ToHaveCountAsync(1);
        var links = await chain.Locator("a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        var current = Array.IndexOf(links, "library/split-squat");
        Assert.True(current > 0 && links[current - 1] == "library/wall-slide-squat" && links[current + 1] == "library/goblet-squat",
            $"The chain holds the regression before and the progression after the exercise: {string.Join(", ", links)}");
        await steps.CaptureAsync("exercise");

        await chain.Locator("a[href='library/goblet-squat']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "library/goblet-squat").ToString());
        await page.Locator("[data-exercise=loaded]").WaitForAsync();
        await Assertions.Expect(page.Locator(".exercise-chain a[aria-current=page]")).ToHaveAttributeAsync("href", "library/goblet-squat");
        await Assertions.Expect(page.Locator(".exercise-chain a[href='library/split-squat']")).ToBeVisibleAsync();
        await steps.CaptureAsync("exercise-progression");
        Assert.True(steps.Problems.Count == 0, string.Join(Environment.NewLine, steps.Problems));
    }
}
