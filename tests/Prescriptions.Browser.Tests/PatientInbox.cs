using System.Text.Json;
using System.Text.RegularExpressions;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// What the follow-up timer sends, read as a patient or a clinic reads it: the host's timer run through
/// <c>POST /admin/functions/{name}</c>, the emails from maildev, and the links inside them.
/// </summary>
public static partial class PatientInbox
{
    /// <summary>Runs a timer function once (scheduled runs are off in the browser fixture).</summary>
    public static async Task RunTimerAsync(Uri baseAddress, string functionName)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var response = await http.PostAsync(new Uri($"admin/functions/{functionName}", UriKind.Relative), content: null);
        Assert.True(response.IsSuccessStatusCode, $"POST admin/functions/{functionName} answered {(int)response.StatusCode}.");
    }

    /// <summary>The text of the newest email to <paramref name="address"/> whose subject contains <paramref name="subject"/>, waiting up to 10 s for it.</summary>
    public static async Task<string> WaitForEmailAsync(Uri mailApi, string address, string subject)
    {
        using var mail = new HttpClient { BaseAddress = mailApi };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var list = JsonDocument.Parse(await mail.GetStringAsync(new Uri("api/email", UriKind.Relative)));
            var found = list.RootElement.EnumerateArray()
                .Where(email => email.GetProperty("to").EnumerateArray().Any(to => string.Equals(to.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
                .Where(email => email.GetProperty("subject").GetString()!.Contains(subject, StringComparison.Ordinal))
                .Select(email => email.GetProperty("text").GetString())
                .LastOrDefault();
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email to {address} with \"{subject}\" in its subject reached maildev.");
    }

    /// <summary>The first link in <paramref name="text"/> that starts with <paramref name="prefix"/>.</summary>
    public static Uri LinkIn(string text, Uri prefix)
    {
        var match = Link().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')', '>')).FirstOrDefault(url => url.StartsWith(prefix.ToString().TrimEnd('/'), StringComparison.Ordinal));
        return match is null ? throw new InvalidOperationException($"No link starting {prefix} in: {text}") : new Uri(match);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
