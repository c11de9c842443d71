using System.Globalization;
using Microsoft.Playwright;

namespace Prescriptions.PortalBenchmark;

/// <summary>
/// One visit's milestones, in milliseconds since navigation started (the page's own clock, performance.now()): the
/// portal interactive ("Sign in (development)" rendered) and the worklist rendered from the API ([data-worklist=loaded])
/// after the sign-in click, which the automation makes at once.
/// </summary>
internal sealed record VisitTimes(double Interactive, double Worklist)
{
    public static async Task<VisitTimes> MeasureAsync(IPage page, Uri baseAddress)
    {
        await page.GotoAsync(baseAddress.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var signIn = page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" });
        await signIn.WaitForAsync(new() { Timeout = 120_000 });
        var interactive = await page.EvaluateAsync<double>("() => performance.now()");
        await signIn.ClickAsync();
        await page.Locator("[data-worklist=loaded]").WaitForAsync(new() { Timeout = 60_000 });
        var worklist = await page.EvaluateAsync<double>("() => performance.now()");
        return new VisitTimes(interactive, worklist);
    }

    public static void Print(string label, IReadOnlyList<VisitTimes> visits)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-20} interactive median {Median(visits.Select(v => v.Interactive)),6:F0} ms   worklist median {Median(visits.Select(v => v.Worklist)),6:F0} ms   (worklist min {visits.Min(v => v.Worklist):F0}, max {visits.Max(v => v.Worklist):F0}; runs: {string.Join(", ", visits.Select(v => v.Worklist.ToString("F0", CultureInfo.InvariantCulture)))})"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
