using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Prescriptions.Application.FollowUps;
using Prescriptions.Testing;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The patient's pages on a phone (390 x 844) in every language we ship: the programme with its check-in, the check-in
/// answered with mistakes, the opt-out and an expired link. axe finds nothing serious or critical, nothing scrolls
/// sideways, and each page is saved to TestResults/screenshots to be read.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PatientPagesTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const int Width = 390;
    private const int Height = 844;
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("de")]
    [InlineData("fr")]
    public async Task The_patients_pages_are_accessible_and_fit_a_phone(string language)
    {
        var id = await CreateActiveAsync($"p-pages-{language}", language);
        var links = fixture.Services.GetRequiredService<CheckInLinks>();
        var token = links.Issue("clinic-a", id, DateTimeOffset.UtcNow);
        var expired = links.Issue("clinic-a", id, DateTimeOffset.UtcNow.AddDays(-120));
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();

        await CheckAsync(page, $"api/checkin/{token}", $"programme-{language}", language);

        // One tap from the top reaches the check-in; sending it empty shows each reason beside its question.
        await page.Locator("a[href='#checkin']").First.ClickAsync();
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#difficulty-error, .error");
        await CheckAsync(page, null, $"checkin-errors-{language}", language);

        await CheckAsync(page, $"api/checkin/{token}/optout", $"optout-{language}", language);
        await CheckAsync(page, $"api/checkin/{expired}", $"expired-{language}", language);
        await context.CloseAsync();
    }

    /// <summary>Opens the address (or stays on the page), then checks lang, sideways scroll and axe, and saves the screenshot.</summary>
    private async Task CheckAsync(IPage page, string? path, string name, string language)
    {
        if (path is not null)
        {
            await page.GotoAsync(new Uri(fixture.BaseAddress, path).AbsoluteUri);
        }

        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"{name} is {scrollWidth} px wide on a {Width} px phone.");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Combine("TestResults", "screenshots", $"patient-{name}-{Width}x{Height}.png"), FullPage = true });

        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{name}: {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes)");
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToArray();
        Assert.True(blocking.Length == 0, $"{name}: " + string.Join(Environment.NewLine, blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
    }

    /// <summary>An active programme in clinic-a with a follow-up in the language, and a note from the therapist.</summary>
    private async Task<string> CreateActiveAsync(string patientId, string language)
    {
        return await DevApi.CreateActiveAsync(fixture.BaseAddress, DevApi.AnkleSprainProgram(patientId, weeks: 4,
            followUp: new { email = $"{patientId}@example.org", timeZone = "Europe/Berlin", reminderTime = "18:00", checkInEveryDays = 1, firstName = "Ana", preferredLanguage = language }));
    }
}
