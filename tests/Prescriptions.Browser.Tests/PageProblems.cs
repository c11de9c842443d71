using Microsoft.Playwright;

namespace Prescriptions.Browser.Tests;

/// <summary>Console errors, script errors and refused requests a page meets: a clean run has none.</summary>
public static class PageProblems
{
    public static List<string> Watch(IPage page, List<string>? into = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = into ?? [];
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text} at {message.Location}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        page.PageError += (_, error) => problems.Add($"script error: {error}");
        return problems;
    }
}
