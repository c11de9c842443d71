using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prescriptions.Domain.Library;
using Xunit.Abstractions;

namespace Prescriptions.Functions.Tests.Faults;

/// <summary>
/// The fault suite: storage frozen (SIGSTOP) and thawed, storage lost and restarted empty, hostile bodies on the
/// patient's route. Each test owns its Azurite and its host, prints its figures (FAULT FIGURE ...) and ends by scanning
/// every log line it caused for tokens, emails and bearer strings.
/// </summary>
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task A_frozen_store_answers_503_within_the_budget_and_after_the_thaw_nothing_acknowledged_is_lost()
    {
        await using var stage = await FaultStage.StartAsync(output);
        var (id, _) = await stage.CreateAndActivateAsync("p-before-freeze");
        var checkInToken = stage.CheckInToken(id);
        var run = Guid.NewGuid().ToString("N")[..8];

        await stage.Azurite.FreezeAsync();
        try
        {
            var requests = new List<(string Name, HttpRequestMessage Request)>
            {
                ("health", ApiHost.Request(HttpMethod.Get, "/api/health")),
                ("read", ApiHost.Request(HttpMethod.Get, $"/api/prescriptions/{id}", stage.Token())),
                ("check-in", ApiHost.Request(HttpMethod.Post, $"/api/checkin/{checkInToken}", json: new { completedSessions = 1, painNow = 2, painDuringExercise = 3, difficulty = "ok" })),
            };
            for (var i = 0; i < 3; i++)
            {
                requests.Add(($"create {i}", stage.Create($"p-{run}-plain-{i}")));
                requests.Add(($"create {i} with key", stage.Create($"p-{run}-keyed-{i}", idempotencyKey: $"key-{run}-{i}")));
            }

            var answers = await Task.WhenAll(requests.Select(async r => (r.Name, Timed: await stage.TimedAsync(r.Request))));
            foreach (var (name, (response, elapsed)) in answers)
            {
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{name}: {response.StatusCode}");
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.True(elapsed < FaultStage.Budget + Slack, $"{name} took {elapsed}");
                response.Dispose();
            }

            stage.Figure("frozen store: slowest 503 (budget 2 s)", answers.Max(a => a.Timed.Elapsed));
            stage.Figure("frozen store: fastest 503", answers.Min(a => a.Timed.Elapsed));
        }
        finally
        {
            await stage.Azurite.ThawAsync();
        }

        stage.Figure("frozen store: thaw to healthy", await stage.TimeUntilHealthyAsync(TimeSpan.FromSeconds(20)));

        // The acknowledged create is whole; each keyed create retried with its key is one prescription, answered 201.
        using (var read = await stage.Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", stage.Token()))
        {
            Assert.Equal("active", (await read.JsonAsync()).GetProperty("status").GetString());
        }

        var lateCommits = 0;
        for (var i = 0; i < 3; i++)
        {
            var patient = $"p-{run}-keyed-{i}";
            var before = await stage.StoredForAsync(patient);
            lateCommits += before.Count;
            using var retried = await stage.Api.Client.SendAsync(stage.Create(patient, idempotencyKey: $"key-{run}-{i}"));
            var retriedId = (await retried.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
            var after = await stage.StoredForAsync(patient);
            Assert.Equal([retriedId], after);
            Assert.True(before.Count == 0 || before[0] == retriedId);
        }

        stage.Figure("frozen store: keyed creates that committed after answering 503 (replayed on retry)", $"{lateCommits} of 3");

        // Creates without a key that answered 503 are not stored: any that storage committed after the thaw is withdrawn.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var plainLate = 0;
        for (var i = 0; i < 3; i++)
        {
            var stored = await stage.StoredForAsync($"p-{run}-plain-{i}");
            plainLate += stored.Count;
        }

        var stillStored = plainLate;
        while (stillStored > 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(250);
            stillStored = 0;
            for (var i = 0; i < 3; i++)
            {
                stillStored += (await stage.StoredForAsync($"p-{run}-plain-{i}")).Count;
            }
        }

        Assert.Equal(0, stillStored);
        stage.Figure("frozen store: thaw to every failed create withdrawn", watch.Elapsed);
        stage.Figure("frozen store: creates without a key seen stored after the thaw, then withdrawn", $"{plainLate} of 3");
        stage.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task A_store_restarted_empty_is_reprovisioned_without_a_restart()
    {
        await using var stage = await FaultStage.StartAsync(output);
        using (var first = await stage.Api.Client.SendAsync(stage.Create("p-lost")))
        {
            await first.JsonAsync(HttpStatusCode.Created);
        }

        // The account comes back empty; the operator republishes the library, as the deployment hook does.
        await stage.Azurite.RestartEmptyAsync();
        await ApiHost.PublishRepositoryLibraryAsync(stage.Azurite.ConnectionString);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var created = await stage.Api.Client.SendAsync(stage.Create("p-after-loss")))
        {
            await created.JsonAsync(HttpStatusCode.Created);
        }

        stage.Figure("lost table: restart to first 201 create", watch.Elapsed);
        Assert.Single(await stage.StoredForAsync("p-after-loss"));
        using (var webhooks = await stage.Api.Client.PostAsync(new Uri("/admin/functions/DeliverWebhooks", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, webhooks.StatusCode);
        }

        // Lost again: health says so (503) and puts the table back; the next probe is healthy.
        await stage.Azurite.RestartEmptyAsync();
        await ApiHost.PublishRepositoryLibraryAsync(stage.Azurite.ConnectionString);
        using (var health = await stage.Api.SendAsync(HttpMethod.Get, "/api/health"))
        {
            var body = await health.JsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unreachable", body.GetProperty("storage").GetProperty("tables").GetString());
            Assert.NotNull(health.Headers.RetryAfter);
        }

        stage.Figure("lost table: 503 health to healthy", await stage.TimeUntilHealthyAsync(TimeSpan.FromSeconds(10)));
        stage.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task A_killed_store_answers_503_fast_and_recovers_when_it_returns()
    {
        await using var stage = await FaultStage.StartAsync(output);
        var (id, _) = await stage.CreateAndActivateAsync("p-killed");

        await stage.Azurite.KillAsync();
        var (read, elapsed) = await stage.TimedAsync(ApiHost.Request(HttpMethod.Get, $"/api/prescriptions/{id}", stage.Token()));
        await read.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(elapsed < FaultStage.Budget + Slack, $"took {elapsed}");
        stage.Figure("refused store: time to 503", elapsed);

        await stage.Azurite.RestartEmptyAsync();
        await ApiHost.PublishRepositoryLibraryAsync(stage.Azurite.ConnectionString);
        stage.Figure("refused store: back to healthy", await stage.TimeUntilHealthyAsync(TimeSpan.FromSeconds(10)));
        using var created = await stage.Api.Client.SendAsync(stage.Create("p-killed-after"));
        await created.JsonAsync(HttpStatusCode.Created);
        stage.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task Hostile_content_types_on_the_check_in_route_are_4xx_and_store_nothing()
    {
        await using var stage = await FaultStage.StartAsync(output);
        var (id, _) = await stage.CreateAndActivateAsync("p-hostile");
        var token = stage.CheckInToken(id);
        var path = $"/api/checkin/{token}";
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var form = $"date={today}&completedSessions=1&painNow=2&painDuringExercise=3&difficulty=ok";
        var cases = new (string Name, HttpContent Content)[]
        {
            ("form, charset=utf-7", Raw(form, "application/x-www-form-urlencoded; charset=utf-7")),
            ("form, charset=nonsense", Raw(form, "application/x-www-form-urlencoded; charset=x-nonsense")),
            ("multipart, truncated", Raw("--XYZ\r\nContent-Disposition: form-data; name=\"painNow\"\r\n\r\n3", "multipart/form-data; boundary=XYZ")),
            ("multipart, no boundary", Raw("painNow=3", "multipart/form-data")),
            ("json, charset=utf-7", Raw("{\"painNow\":3}", "application/json; charset=utf-7")),
            ("no content type", new ByteArrayContent(Encoding.UTF8.GetBytes(form))),
            ("text/plain", Raw(form, "text/plain")),
        };

        foreach (var (name, content) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            using var response = await stage.Api.Client.SendAsync(request);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {response.StatusCode}");
            var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.NotEmpty(problem.ErrorsFor("Content-Type"));
            stage.Figure($"hostile body ({name})", $"{(int)response.StatusCode}");
        }

        using (var checkIns = await stage.Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/checkins", stage.Token()))
        {
            Assert.Empty((await checkIns.JsonAsync()).GetProperty("checkIns").EnumerateArray());
        }

        // The form the page posts still works.
        using var good = new HttpRequestMessage(HttpMethod.Post, path) { Content = Raw(form, "application/x-www-form-urlencoded") };
        using var accepted = await stage.Api.Client.SendAsync(good);
        Assert.True(accepted.IsSuccessStatusCode, $"{accepted.StatusCode}");
        stage.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task An_unexpected_error_on_the_patients_route_logs_the_path_without_the_link_token()
    {
        await using var stage = await FaultStage.StartAsync(output);
        var (id, _) = await stage.CreateAndActivateAsync("p-leak");
        var token = stage.CheckInToken(id);
        var logs = new ListLoggerProvider();
        await using var broken = await ApiHost.StartAsync(stage.Azurite.ConnectionString, builder =>
        {
            builder.Services.RemoveAll<ILibraryProvider>();
            builder.Services.AddSingleton<ILibraryProvider, ExplodingLibraryProvider>();
            builder.Logging.AddProvider(logs);
        }, "--Logging:LogLevel:Default=Information");

        using var page = await broken.Client.GetAsync(new Uri($"/api/checkin/{token}?utm=x", UriKind.Relative));

        await page.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var logged = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Error && entry.Message.StartsWith("Unexpected error", StringComparison.Ordinal));
        Assert.Contains("GET /api/checkin/{redacted}", logged.Message, StringComparison.Ordinal);
        Assert.All(logs.Entries, entry => Assert.DoesNotContain(token, $"{entry.Message} {entry.Exception}", StringComparison.Ordinal));
        stage.AssertNoSecretsLogged();
    }

    private sealed class ExplodingLibraryProvider : ILibraryProvider
    {
        public ValueTask<ExerciseLibrary> GetCurrentAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("library exploded");

        public ValueTask<ExerciseLibrary> GetVersionAsync(string version, CancellationToken cancellationToken) => throw new InvalidOperationException("library exploded");

        public void Invalidate()
        {
        }
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
