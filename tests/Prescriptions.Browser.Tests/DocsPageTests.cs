using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Prescriptions.Browser.Tests;

/// <summary>GET /api/docs in Chromium: it renders under its own strict CSP, fits a phone, and axe finds nothing serious.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocsPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task The_docs_page_and_its_sections_fit_the_viewport_without_horizontal_scroll(int width, int height)
    {
        var (page, problems) = await OpenAsync(width, height);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prescriptions API", Level = 1 })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, width);

        await OpenLifecycleSectionAsync(page, width);
        await AssertNoHorizontalScrollAsync(page, width);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task The_docs_page_has_no_serious_or_critical_accessibility_violation(int width, int height)
    {
        var (page, _) = await OpenAsync(width, height);
        var front = await page.RunAxe();

        await OpenLifecycleSectionAsync(page, width);

        // The pointer leaves the link it clicked: a hover colour is not what a reader sees.
        await page.Mouse.MoveAsync(width - 1, 1);
        var result = await page.RunAxe();

        var violations = front.Violations.Concat(result.Violations).ToArray();
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToArray();
        foreach (var violation in violations)
        {
            output.WriteLine($"{violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes) {string.Join(" | ", violation.Nodes.Select(n => $"{n.Html} {string.Join("; ", n.Any.Select(check => check.Message))}").Distinct().Take(5))}");
        }

        Assert.True(blocking.Length == 0, string.Join(Environment.NewLine, blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
    }

    /// <summary>The section with the longest paths, opened from the navigation (a menu on a phone), as a reader would.</summary>
    private static async Task OpenLifecycleSectionAsync(IPage page, int width)
    {
        if (width < 800)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Open navigation menu" }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Lifecycle", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Activate a prescription").First).ToBeVisibleAsync();
        Assert.EndsWith("/api/docs#/lifecycle", page.Url, StringComparison.Ordinal);
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.Equal(width, clientWidth);
        Assert.True(scrollWidth <= clientWidth, $"{page.Url} is {scrollWidth} px wide in a {clientWidth} px viewport.");
    }

    /// <summary>Opens the page; the problems are CSP refusals, script errors and requests that left the host.</summary>
    private async Task<(IPage Page, List<string> Problems)> OpenAsync(int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"script error: {error}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                problems.Add($"external request: {request.Url}");
            }
        };

        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, "/api/docs").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response?.Status);
        await page.WaitForSelectorAsync("h1");
        return (page, problems);
    }
}
