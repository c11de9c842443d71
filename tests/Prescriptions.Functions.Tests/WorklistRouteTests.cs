using System.Globalization;
using System.Net;
using System.Text.Json;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Tests.FollowUps;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// The clinic's worklist over HTTP and real table storage, on a fake clock: newest first, by status, needing attention (after
/// a high-pain check-in, until acknowledged, and again on a new alert; when the criteria are all met), paged; auth; 400s.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WorklistRouteTests(ApiFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2027, 5, 3, 8, 0, 0, TimeSpan.Zero);

    private FollowUpHost host = null!;

    public async Task InitializeAsync() => host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Start);

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>The clinic the tests write in; each test has a host with tables of its own, so the lists hold only what it wrote.</summary>
    private const string Clinic = "clinic-a";

    private const string OtherClinic = "clinic-b";

    private async Task<string> CreateAsync(string clinic, string patientId, bool activate = false)
    {
        host.Clock!.Advance(TimeSpan.FromMinutes(1));
        if (activate)
        {
            return (await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest(patientId), clinic)).Id;
        }

        using var created = await host.Api.SendAsync(HttpMethod.Post, "/api/prescriptions", host.Token(clinic), FollowUpHost.FollowUpRequest(patientId));
        return (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement[]> ListAsync(string clinic, string query = "")
    {
        var page = await host.GetAsync($"/api/prescriptions?pageSize=100{query}", clinic);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static string[] Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("prescriptionId").GetString()!)];

    private async Task CheckInAsync(string clinic, string id, int pain, int sessions = 1)
    {
        var token = host.Api.Services.GetRequiredService<CheckInLinks>().Issue(clinic, id, host.Clock!.GetUtcNow());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        using var response = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: new
        {
            date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            completedSessions = sessions,
            painNow = pain,
            painDuringExercise = pain,
            difficulty = "ok",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Lines_list_newest_first_with_their_summary_and_filter_by_status_and_patient()
    {
        const string clinic = Clinic;
        var first = await CreateAsync(clinic, "p-wl-1");
        var second = await CreateAsync(clinic, "p-wl-2", activate: true);
        var third = await CreateAsync(clinic, "p-wl-3");
        host.Clock!.Advance(TimeSpan.FromDays(3));

        var all = await ListAsync(clinic);
        var active = await ListAsync(clinic, "&status=active");
        var drafts = await ListAsync(clinic, "&status=draft");
        var patient = await ListAsync(clinic, "&patientId=p-wl-2");
        var patientDrafts = await ListAsync(clinic, "&patientId=p-wl-2&status=draft");

        Assert.Equal([third, second, first], Ids(all));
        Assert.Equal([second], Ids(active));
        Assert.Equal([third, first], Ids(drafts));
        Assert.Equal([second], Ids(patient));
        Assert.Empty(patientDrafts);
        var line = active[0];
        Assert.Equal(("p-wl-2", "Ana", "lateral-ankle-sprain", 2, "active", 3, "someUnknown"), (
            line.GetProperty("patientId").GetString(), line.GetProperty("patientDisplayName").GetString(), line.GetProperty("conditionId").GetString(),
            line.GetProperty("phase").GetInt32(), line.GetProperty("status").GetString(), line.GetProperty("daysInPhase").GetInt32(), line.GetProperty("readiness").GetString()));
        Assert.False(string.IsNullOrEmpty(line.GetProperty("conditionName").GetString()));
        Assert.False(string.IsNullOrEmpty(line.GetProperty("phaseName").GetString()));
        Assert.Equal(0, line.GetProperty("adherencePercent").GetInt32());
        Assert.Empty(line.GetProperty("attentionReasons").EnumerateArray());
    }

    [Fact]
    public async Task A_high_pain_check_in_needs_attention_until_acknowledged_and_a_new_alert_raises_it_again()
    {
        const string clinic = Clinic;
        var id = await CreateAsync(clinic, "p-wl-pain", activate: true);
        await CreateAsync(clinic, "p-wl-calm", activate: true);

        await CheckInAsync(clinic, id, pain: 8);
        var attention = await ListAsync(clinic, "&attention=true");
        var line = Assert.Single(attention);
        Assert.Equal(id, line.GetProperty("prescriptionId").GetString());
        Assert.Equal(["highPain"], line.GetProperty("attentionReasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(8, line.GetProperty("lastPain").GetInt32());

        var alert = (await host.GetAsync("/api/alerts?kind=highPain", clinic)).GetProperty("items")[0].GetProperty("id").GetString();
        using (var acknowledged = await host.Api.SendAsync(HttpMethod.Post, $"/api/alerts/{alert}/acknowledge", host.Token(clinic), new { note = "Called." }))
        {
            await acknowledged.JsonAsync();
        }

        Assert.Empty(await ListAsync(clinic, "&attention=true"));
        Assert.Empty((await ListAsync(clinic, "&patientId=p-wl-pain"))[0].GetProperty("openAlertKinds").EnumerateArray());

        host.Clock!.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(clinic, id, pain: 9);
        Assert.Equal([id], Ids(await ListAsync(clinic, "&attention=true&status=active")));
        Assert.Empty(await ListAsync(clinic, "&attention=true&status=draft"));
        Assert.Equal([id], Ids(await ListAsync(clinic, "&attention=true&patientId=p-wl-pain")));
    }

    [Fact]
    public async Task When_the_exit_criteria_are_all_met_the_line_needs_attention_as_ready_to_progress()
    {
        const string clinic = Clinic;
        var id = await CreateAsync(clinic, "p-wl-ready", activate: true);
        host.Clock!.Advance(TimeSpan.FromDays(13));
        await CheckInAsync(clinic, id, pain: 1, sessions: 21);
        foreach (var (measure, value, unit) in new[] { ("ankleDorsiflexionDegrees", 18, "degrees"), ("singleLegStanceSeconds", 35, "seconds") })
        {
            using var recorded = await host.Api.SendAsync(HttpMethod.Post, $"/api/prescriptions/{id}/measurements", host.Token(clinic), new { measure, value, unit });
            Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        }

        var line = Assert.Single(await ListAsync(clinic, "&attention=true"));

        Assert.Equal(("allMet", 13), (line.GetProperty("readiness").GetString(), line.GetProperty("daysInPhase").GetInt32()));
        Assert.Equal(["readyToProgress"], line.GetProperty("attentionReasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Pages_follow_continuation_tokens_and_a_token_the_api_did_not_issue_is_400()
    {
        const string clinic = Clinic;
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateAsync(clinic, $"p-wl-page-{i}"));
        }

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await host.GetAsync($"/api/prescriptions?pageSize=2{(token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token))}", clinic);
            seen.AddRange(Ids(page.GetProperty("items").EnumerateArray()));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(Enumerable.Reverse(created), seen);
        Assert.Equal(3, pages);
        using var forged = await host.Api.SendAsync(HttpMethod.Get, "/api/prescriptions?continuationToken=%25%25", host.Token(clinic));
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_clinics_prescribers_read_its_worklist()
    {
        const string clinic = Clinic;
        var id = await CreateAsync(clinic, "p-wl-auth");

        using var anonymous = await host.Api.SendAsync(HttpMethod.Get, "/api/prescriptions");
        using var editor = await host.Api.SendAsync(HttpMethod.Get, "/api/prescriptions", host.Api.Token(Roles.LibraryEditor, clinic));
        using var partner = await host.Api.SendAsync(HttpMethod.Get, "/api/prescriptions", host.Api.Token(Roles.Partner, clinic, "ehr-wl"));
        using var asOther = await host.Api.SendAsync(HttpMethod.Get, $"/api/prescriptions?clinicId={clinic}", host.Token(OtherClinic));
        var otherClinic = await ListAsync(OtherClinic);

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await editor.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([id], Ids((await partner.JsonAsync()).GetProperty("items").EnumerateArray()));
        await asOther.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(otherClinic);
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("attention=yes", "attention")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("patientId=p%2F1", "patientId")]
    [InlineData("externalId=ehr-1&status=active", "status")]
    public async Task Bad_queries_are_400_naming_the_parameter(string query, string field)
    {
        const string clinic = Clinic;

        using var response = await host.Api.SendAsync(HttpMethod.Get, $"/api/prescriptions?{query}", host.Token(clinic));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }
}
