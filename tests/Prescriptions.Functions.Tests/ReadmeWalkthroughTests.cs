using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Testing;
using Xunit.Abstractions;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// README.md's walkthrough, as a new partner developer runs it: its bash blocks marked <c>&lt;!-- walkthrough --&gt;</c>,
/// in order, in one shell, against a local stack (the local host, Azurite, maildev on free ports; API and MAIL point there).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ReadmeWalkthroughTests(ApiFixture fixture, ITestOutputHelper output)
{
    private const string StepMarker = "::walkthrough-step::";

    [Fact]
    public async Task The_READMEs_walkthrough_runs_from_a_token_to_a_check_in()
    {
        var blocks = WalkthroughBlocks(await File.ReadAllTextAsync(RepositoryPaths.Combine("README.md")));
        Assert.Equal(7, blocks.Count);
        await using var maildev = await MaildevServer.StartAsync();
        await using var api = await ApiHost.StartAsync(fixture.Azurite.ConnectionString, configure: null,
        [
            // Tables of its own: the sweep sends only this walkthrough's emails.
            $"--Prescriptions:TableName=readme{Guid.NewGuid():N}",
            $"--FollowUps:TableName=readmefu{Guid.NewGuid():N}",
            "--Smtp:Host=127.0.0.1", $"--Smtp:Port={maildev.SmtpPort}", "--Smtp:Security=None",
        ]);

        var (exitCode, steps, vars) = await RunAsync(blocks, api.Client.BaseAddress!, maildev.ApiBase);

        Assert.True(exitCode == 0, $"The walkthrough's shell exited with {exitCode}.");
        Assert.Equal(blocks.Count, steps.Count);
        Assert.StartsWith("token: eyJ", steps[0], StringComparison.Ordinal);
        Assert.Contains("\"items\":[{", steps[1], StringComparison.Ordinal);
        Assert.Matches(@"(?m)^HTTP/1\.1 201", steps[2]);
        Assert.Matches(@"(?mi)^etag: (W/)?""[^""]+""", steps[2]);
        Assert.Matches(@"(?m)^HTTP/1\.1 200", steps[3]);
        Assert.Contains("\"status\":\"active\"", steps[3], StringComparison.Ordinal);
        Assert.Matches(@"(?m)^HTTP/1\.1 202", steps[4]);
        Assert.Contains("\"subject\":\"Your home exercise programme is ready\"", steps[5], StringComparison.Ordinal);
        Assert.StartsWith("/api/checkin/", vars["CHECKIN"], StringComparison.Ordinal);
        Assert.Matches(@"(?m)^HTTP/1\.1 201", steps[6]);

        // The check-in is stored where the therapist reads it.
        var token = api.Token(Roles.Therapist, "clinic-a");
        using var summary = await api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{vars["ID"]}/checkins", token);
        var checkIn = Assert.Single((await summary.JsonAsync(HttpStatusCode.OK)).GetProperty("checkIns").EnumerateArray());
        Assert.Equal(2, checkIn.GetProperty("painNow").GetInt32());
    }

    /// <summary>The bash blocks that follow a walkthrough marker, in order.</summary>
    private static List<string> WalkthroughBlocks(string readme) =>
        [.. WalkthroughBlock().Matches(readme).Select(match => match.Groups["code"].Value)];

    /// <summary>Runs the blocks in one bash (errexit, pipefail); answers each block's output and the variables it left.</summary>
    private async Task<(int ExitCode, List<string> Steps, Dictionary<string, string> Vars)> RunAsync(IReadOnlyList<string> blocks, Uri api, Uri mail)
    {
        var script = "set -euo pipefail\n"
            + string.Concat(blocks.Select(block => $"{block}\necho '{StepMarker}'\n"))
            + "for name in TOKEN ID ETAG CHECKIN; do printf '%s=%s\\n' \"$name\" \"${!name}\"; done\n";
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["API"] = api.GetLeftPart(UriPartial.Authority);
        start.Environment["MAIL"] = mail.GetLeftPart(UriPartial.Authority);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var text = (await stdout).Replace("\r", string.Empty, StringComparison.Ordinal);
        output.WriteLine(text);
        output.WriteLine(await stderr);

        var parts = text.Split($"{StepMarker}\n");
        var vars = parts[^1].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2)).Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return (process.ExitCode, [.. parts[..^1].Select(part => part.Trim())], vars);
    }

    [GeneratedRegex(@"<!-- walkthrough -->\s*```bash\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex WalkthroughBlock();
}
