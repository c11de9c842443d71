using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Prescriptions.Testing;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The program builder driven as a therapist drives it, one reusable step at a time, so an end-to-end flow can chain
/// them: create a patient (API), open the builder and sign in (development), choose the condition and limits, preview,
/// swap, edit a dose, save the draft, activate, print the handout, check accessibility and take screenshots.
/// </summary>
public sealed class BuilderSteps(IPage page, Uri baseAddress)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public IPage Page => page;

    /// <summary>A registered patient of clinic-a with an email, through POST /api/patients with a development token; answers its id.</summary>
    public static async Task<string> CreatePatientAsync(Uri baseAddress, string givenName, string familyName, string email)
    {
        var (created, _) = await DevApi.PostAsync(baseAddress, await DevApi.TokenAsync(baseAddress), "/api/patients", new { givenName, familyName, email });
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>Opens /patients/{id}/programs/new, signs in (development) where it asks, and waits until the builder has the conditions.</summary>
    public async Task OpenNewProgramAsync(string patientId)
    {
        await page.GotoAsync(new Uri(baseAddress, $"/patients/{Uri.EscapeDataString(patientId)}/programs/new").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-builder=ready]").WaitForAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Finds the condition by its ICD-10 code, then chooses it, its phase and the side.</summary>
    public async Task ChooseConditionAsync(string codeOrName, string conditionId, int phase, string side)
    {
        await page.GetByLabel("Search conditions by name or ICD-10 code").FillAsync(codeOrName);
        await page.GetByLabel("Condition", new() { Exact = true }).SelectOptionAsync(conditionId);
        var phaseField = page.GetByLabel("Phase", new() { Exact = true });
        await Assertions.Expect(phaseField).ToBeEnabledAsync();
        await phaseField.SelectOptionAsync(phase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[data-phase-info='{phase}']").WaitForAsync();
        await page.GetByLabel("Side", new() { Exact = true }).SelectOptionAsync(side);
    }

    /// <summary>The patient's limits: weight bearing, the equipment at home (as chips), minutes and number of exercises.</summary>
    public async Task SetLimitsAsync(string weightBearing, IReadOnlyList<string> equipment, int minutes, int exercises)
    {
        await page.GetByLabel("Weight bearing", new() { Exact = true }).SelectOptionAsync(weightBearing);
        await page.GetByLabel("Only the equipment ticked").CheckAsync();
        foreach (var piece in equipment)
        {
            await page.GetByLabel(piece, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Minutes per session").FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Number of exercises").FillAsync(exercises.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Previews, and answers the previewed items' exercise ids in order.</summary>
    public async Task<IReadOnlyList<string>> PreviewAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await page.Locator("[data-program=preview] li.program-item").First.WaitForAsync();
        return await ItemIdsAsync();
    }

    public async Task<IReadOnlyList<string>> ItemIdsAsync() =>
        [.. (await page.Locator("li.program-item").EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.exerciseId)"))];

    public ILocator Item(string exerciseId) => page.Locator($"li.program-item[data-exercise-id='{exerciseId}']");

    /// <summary>Swaps the item for its first safe alternative; answers the exercise id that took its place.</summary>
    public async Task<string> SwapAsync(string exerciseId)
    {
        var position = (await ItemIdsAsync()).ToList().IndexOf(exerciseId);
        await Item(exerciseId).GetByRole(AriaRole.Button, new() { Name = "Swap", Exact = true }).ClickAsync();
        await page.Locator("[data-swaps=loaded]").WaitForAsync();
        await page.Locator(".swap-panel").GetByRole(AriaRole.Button, new() { Name = "Use this" }).First.ClickAsync();
        await Assertions.Expect(Item(exerciseId)).ToHaveCountAsync(0);
        var swappedIn = (await ItemIdsAsync())[position];
        Assert.NotEqual(exerciseId, swappedIn);
        return swappedIn;
    }

    /// <summary>Edits the item's number of sets; answers the dose in words the builder then shows.</summary>
    public async Task<string> EditSetsAsync(string exerciseId, int sets)
    {
        var item = Item(exerciseId);
        await item.GetByRole(AriaRole.Button, new() { Name = "Edit dose" }).ClickAsync();
        await item.GetByLabel("Sets", new() { Exact = true }).FillAsync(sets.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await item.GetByRole(AriaRole.Button, new() { Name = "Apply dose" }).ClickAsync();
        var dose = item.Locator("[data-dose]");
        await Assertions.Expect(dose).ToContainTextAsync($"{sets} sets");
        return await dose.InnerTextAsync();
    }

    /// <summary>Shows the library under the builder's limits: some exercises may be added, the refused ones are greyed out with the reason.</summary>
    public async Task ShowLibraryAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the exercises these limits allow" }).ClickAsync();
        await page.Locator("[data-choices=loaded]").WaitForAsync();
        var refused = page.Locator("li.choice.refused", new() { HasText = "weight bearing; allowed is partial" }).First;
        await Assertions.Expect(refused.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("li.choice:not(.refused)").First.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true })).ToBeEnabledAsync();
    }

    /// <summary>Saves the draft and waits for its own address, /programs/{id}; answers the id.</summary>
    public async Task<string> SaveDraftAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        // The app changes its address with the history API, not a page load: poll the address, and say what the page
        // says when the save did not land.
        var saved = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved." }).Or(page.Locator("[data-problem]"));
        await saved.First.WaitForAsync(new() { Timeout = 60_000 });
        if (await page.Locator("[data-problem]").CountAsync() > 0)
        {
            Assert.Fail($"The save was refused: {await page.Locator("[data-problem]").First.InnerTextAsync()}");
        }

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/programs/rx-[0-9a-f]{32}$"));
        return page.Url[(page.Url.LastIndexOf('/') + 1)..];
    }

    /// <summary>Activates with the follow-up contact the dialog asks for, and waits for the program's read-only view.</summary>
    public async Task ActivateAsync(string email, string timeZone, string reminderTime, int checkInEveryDays)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate", Exact = true }).ClickAsync();
        var dialog = page.Locator("form.activation");
        await dialog.GetByLabel("Follow-up email").FillAsync(email);
        await dialog.GetByLabel("Time zone").FillAsync(timeZone);
        await dialog.GetByLabel("Reminder time").FillAsync(reminderTime);
        await dialog.GetByLabel("Check-in every (days)").FillAsync(checkInEveryDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm activation" }).ClickAsync();
        await page.Locator("[data-program=active]").WaitForAsync();
    }

    /// <summary>"Print handout": answers the API's response to the handout request the portal made.</summary>
    public async Task<IResponse> PrintHandoutAsync()
    {
        var handout = page.WaitForResponseAsync(response => response.Url.Contains("/handout", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Print handout" }).ClickAsync();
        return await handout;
    }

    /// <summary>No serious or critical axe violation on the page as it is; the pointer parked where it hovers nothing.</summary>
    public async Task AssertAccessibleAsync(Action<string> log)
    {
        var viewport = page.ViewportSize!;
        await page.Mouse.MoveAsync(viewport.Width - 1, viewport.Height - 1);
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            log($"{violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes) {string.Join(" | ", violation.Nodes.Select(n => n.Html).Take(3))}");
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToArray();
        Assert.True(blocking.Length == 0, string.Join(Environment.NewLine, blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes) {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }

    /// <summary>The page fits its viewport's width (no horizontal scroll).</summary>
    public async Task AssertNoHorizontalScrollAsync()
    {
        var width = page.ViewportSize!.Width;
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide in a {width} px viewport.");
    }

    /// <summary>A full-page screenshot in TestResults/screenshots, named by screen and viewport.</summary>
    public Task ScreenshotAsync(string screen) =>
        page.ScreenshotAsync(new() { Path = RepositoryPaths.Combine("TestResults", "screenshots", $"{screen}-{page.ViewportSize!.Width}x{page.ViewportSize.Height}.png"), FullPage = true });
}
