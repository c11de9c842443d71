using System.Net;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Application.FollowUps;

namespace Prescriptions.Functions.Tests.FollowUps;

/// <summary>The patient's routes: links that are forged, foreign or expired, bad answers, a day's second check-in, the opt-out.</summary>
[Collection(ApiCollection.Name)]
public sealed class CheckInRouteTests(ApiFixture fixture) : IAsyncLifetime
{
    private FollowUpHost host = null!;

    public async Task InitializeAsync() => host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, fakeNow: null);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_forged_or_foreign_link_is_404_and_an_expired_one_410_and_neither_says_more()
    {
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-links"));
        var links = host.Api.Services.GetRequiredService<CheckInLinks>();
        var genuine = links.Issue("clinic-a", id, DateTimeOffset.UtcNow);
        var forged = genuine[..^2] + (genuine[^2] == 'A' ? "BB" : "AA");
        var otherKey = new CheckInTokens([.. Enumerable.Repeat((byte)7, 32)]).Create(new CheckInTokenClaims("clinic-a", id, DateTimeOffset.UtcNow.AddDays(1)));
        var otherClinic = links.Issue("clinic-b", id, DateTimeOffset.UtcNow);
        var expired = links.Issue("clinic-a", id, DateTimeOffset.UtcNow.AddDays(-60));

        foreach (var token in new[] { forged, otherKey, otherClinic, "not-a-token", new string('x', 600) })
        {
            using var page = await host.Api.Client.GetAsync(new Uri($"/api/checkin/{token}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Link not found", html, StringComparison.Ordinal);
            Assert.DoesNotContain(id, html, StringComparison.Ordinal);
            using var posted = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer(3));
            await posted.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var old = await host.Api.Client.GetAsync(new Uri($"/api/checkin/{expired}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.DoesNotContain("Ana", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var late = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{expired}", json: Answer(3));
        await late.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Empty((await host.GetAsync($"/api/prescriptions/{id}/checkins")).GetProperty("checkIns").EnumerateArray());
    }

    [Fact]
    public async Task Bad_answers_are_400_naming_each_field_and_store_nothing()
    {
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-bad"));
        var token = host.Api.Services.GetRequiredService<CheckInLinks>().Issue("clinic-a", id, DateTimeOffset.UtcNow);

        using var json = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: new
        {
            date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            completedSessions = -1,
            painNow = 11,
            painDuringExercise = 4,
            difficulty = "awful",
            comment = new string('a', 1001),
        });
        var problem = await json.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["comment", "completedSessions", "date", "difficulty", "painNow"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        using var form = await host.Api.Client.PostAsync(new Uri($"/api/checkin/{token}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["completedSessions"] = "two",
            ["painNow"] = "3",
            ["painDuringExercise"] = "3",
            ["difficulty"] = "ok",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        var page = await form.Content.ReadAsStringAsync();
        Assert.Contains("id=\"completedSessions-error\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"3\" selected>", page, StringComparison.Ordinal);

        using var text = await host.Api.Client.PostAsync(new Uri($"/api/checkin/{token}", UriKind.Relative), new StringContent("pain=3", System.Text.Encoding.UTF8, "text/plain"));
        await text.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var summary = await host.GetAsync($"/api/prescriptions/{id}/checkins");
        Assert.Empty(summary.GetProperty("checkIns").EnumerateArray());
        Assert.Empty(summary.GetProperty("alerts").EnumerateArray());
    }

    [Fact]
    public async Task A_second_check_in_the_same_day_replaces_the_first_and_is_audited_as_the_patients()
    {
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-twice"));
        var token = host.Api.Services.GetRequiredService<CheckInLinks>().Issue("clinic-a", id, DateTimeOffset.UtcNow);

        using var first = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer(2));
        await first.JsonAsync(HttpStatusCode.Created);
        using var second = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer(5));
        var stored = await second.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, stored.GetProperty("painNow").GetInt32());

        var summary = await host.GetAsync($"/api/prescriptions/{id}/checkins");
        var only = Assert.Single(summary.GetProperty("checkIns").EnumerateArray());
        Assert.Equal(5, only.GetProperty("painNow").GetInt32());

        // Replacing the same day's answer is not a rise in pain (that compares with an earlier day).
        Assert.Empty(summary.GetProperty("alerts").EnumerateArray());
        var records = host.Api.Services.GetRequiredService<IFollowUpRecords>();
        var history = await host.GetAsync($"/api/prescriptions/{id}/history");
        Assert.Contains(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "checkInReceived" && e.GetProperty("subjectKind").GetString() == "patient");
        Assert.Single(await records.CheckInsAsync("clinic-a", id, CancellationToken.None));
    }

    [Fact]
    public async Task The_opt_out_link_asks_on_get_and_stops_the_emails_on_post()
    {
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-optout"));
        var token = host.Api.Services.GetRequiredService<CheckInLinks>().Issue("clinic-a", id, DateTimeOffset.UtcNow);
        Assert.NotEmpty(await host.PlanAsync(id));

        using var ask = await host.Api.Client.GetAsync(new Uri($"/api/checkin/{token}/optout", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("<form method=\"post\">", await ask.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await host.GetAsync($"/api/prescriptions/{id}")).GetProperty("followUp").TryGetProperty("optedOutAt", out _));

        // What a mail app sends for List-Unsubscribe-Post (RFC 8058).
        using var confirm = await host.Api.Client.PostAsync(new Uri($"/api/checkin/{token}/optout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var prescription = await host.GetAsync($"/api/prescriptions/{id}");
        Assert.True(prescription.GetProperty("followUp").TryGetProperty("optedOutAt", out _));
        Assert.Empty(await host.PlanAsync(id));
        var due = await host.Api.Services.GetRequiredService<IFollowUpSchedule>().ListDueAsync(DateTimeOffset.UtcNow, 100, CancellationToken.None);
        var sweep = await host.SweepAsync();
        Assert.Equal(0, sweep.Sent);
        Assert.Contains(due, p => p.PrescriptionId == id);

        // The check-in link still works.
        using var form = await host.Api.Client.GetAsync(new Uri($"/api/checkin/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task Another_clinics_check_ins_are_404_and_the_summary_reports_adherence_and_monitoring_days()
    {
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-summary"));
        var token = host.Api.Services.GetRequiredService<CheckInLinks>().Issue("clinic-a", id, DateTimeOffset.UtcNow);
        using var posted = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer(1));
        await posted.JsonAsync(HttpStatusCode.Created);

        using var foreign = await host.Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/checkins", host.Token("clinic-b"));
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound);

        var summary = await host.GetAsync($"/api/prescriptions/{id}/checkins");
        var adherence = summary.GetProperty("adherence");
        Assert.Equal(1, adherence.GetProperty("doneSessions").GetInt32());
        Assert.Equal(1, adherence.GetProperty("remoteMonitoring").GetProperty("daysWithData").GetInt32());
        Assert.False(adherence.GetProperty("remoteMonitoring").GetProperty("meetsSixteenDayThreshold").GetBoolean());
        Assert.Equal(1, adherence.GetProperty("weeks")[0].GetProperty("week").GetInt32());
    }

    private static object Answer(int pain) => new { completedSessions = 1, painNow = pain, painDuringExercise = pain, difficulty = "ok" };
}
