using System.Net;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

/// <summary>The alerts inbox over HTTP and real table storage: newest first by status and kind, paged; acknowledging once, audited.</summary>
[Collection(ApiCollection.Name)]
public sealed class AlertRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a", "therapist-9");

    /// <summary>Alerts raised through the records port (as check-ins and sweeps raise them), dated far ahead so they list first.</summary>
    private async Task<(string PrescriptionId, Alert[] Raised)> RaiseAsync(string patientId, int count, AlertKind kind)
    {
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, Requests.Create(patientId))).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var start = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(1, 30000));
        var raised = Enumerable.Range(0, count).Select(i => Alert.Raise(id, kind, $"{patientId} {i}", start.AddMinutes(i), $"Alert {i} for {patientId}.")).ToArray();
        await Api.Services.GetRequiredService<IFollowUpRecords>().RaiseAlertsAsync("clinic-a", raised, [], null, CancellationToken.None);
        return (id, raised);
    }

    [Fact]
    public async Task Open_alerts_of_a_kind_list_newest_first_by_page()
    {
        var (_, raised) = await RaiseAsync("p-alerts-paged", 3, AlertKind.DeliveryFailed);

        var first = await (await Api.SendAsync(HttpMethod.Get, "/api/alerts?kind=deliveryFailed&pageSize=2", Therapist)).JsonAsync();
        var token = first.GetProperty("continuationToken").GetString()!;
        var second = await (await Api.SendAsync(HttpMethod.Get, $"/api/alerts?kind=deliveryFailed&pageSize=2&continuationToken={Uri.EscapeDataString(token)}", Therapist)).JsonAsync();
        var all = await (await Api.SendAsync(HttpMethod.Get, "/api/alerts?pageSize=200", Therapist)).JsonAsync();

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.True(ids.IndexOf(raised[2].Id) < ids.IndexOf(raised[1].Id) && ids.IndexOf(raised[1].Id) < ids.IndexOf(raised[0].Id), string.Join(", ", ids));
        Assert.All(first.GetProperty("items").EnumerateArray(), a => Assert.Equal(("deliveryFailed", "open"), (a.GetProperty("kind").GetString(), a.GetProperty("status").GetString())));
        Assert.Contains(all.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == raised[0].Id);
    }

    [Fact]
    public async Task Acknowledging_moves_the_alert_records_who_and_when_and_is_in_the_history()
    {
        var (id, raised) = await RaiseAsync("p-alerts-ack", 1, AlertKind.HighPain);

        var response = await Api.SendAsync(HttpMethod.Post, $"/api/alerts/{raised[0].Id}/acknowledge", Therapist, new { note = "Phoned the patient." });
        var again = await Api.SendAsync(HttpMethod.Post, $"/api/alerts/{raised[0].Id}/acknowledge", Api.Token(Roles.Partner, "clinic-a", "partner-a"), new { note = "Another." });

        var acknowledged = await response.JsonAsync();
        Assert.Equal(("acknowledged", "therapist-9", "Phoned the patient."),
            (acknowledged.GetProperty("status").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString(), acknowledged.GetProperty("note").GetString()));
        Assert.Equal("therapist-9", (await again.JsonAsync()).GetProperty("acknowledgedBy").GetString());
        var open = await (await Api.SendAsync(HttpMethod.Get, "/api/alerts?status=open&kind=highPain&pageSize=200", Therapist)).JsonAsync();
        var done = await (await Api.SendAsync(HttpMethod.Get, "/api/alerts?status=acknowledged&pageSize=200", Therapist)).JsonAsync();
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == raised[0].Id);
        Assert.Contains(done.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == raised[0].Id);
        var history = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/history", Therapist)).JsonAsync();
        var entries = history.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "alertAcknowledged").ToList();
        Assert.Contains("Phoned the patient.", Assert.Single(entries).GetProperty("summary").GetString(), StringComparison.Ordinal);
        var checkins = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/checkins", Therapist)).JsonAsync();
        Assert.Equal("acknowledged", checkins.GetProperty("alerts")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_prescribers_of_the_alerts_clinic_see_or_acknowledge_it()
    {
        var (_, raised) = await RaiseAsync("p-alerts-auth", 1, AlertKind.PainRising);
        var path = $"/api/alerts/{raised[0].Id}/acknowledge";

        var otherClinic = await Api.SendAsync(HttpMethod.Post, path, Api.Token(Roles.Therapist, "clinic-b"), new { });
        var editor = await Api.SendAsync(HttpMethod.Post, path, Api.Token(Roles.LibraryEditor, "clinic-a"), new { });
        var anonymous = await Api.SendAsync(HttpMethod.Post, path, null, new { });
        var listEditor = await Api.SendAsync(HttpMethod.Get, "/api/alerts", Api.Token(Roles.LibraryEditor, "clinic-a"));
        var listAnonymous = await Api.SendAsync(HttpMethod.Get, "/api/alerts");
        var listOtherClinic = await (await Api.SendAsync(HttpMethod.Get, "/api/alerts?pageSize=200", Api.Token(Roles.Partner, "clinic-b", "partner-b"))).JsonAsync();
        var unknown = await Api.SendAsync(HttpMethod.Post, "/api/alerts/alrt_000000000000000000000000/acknowledge", Therapist, new { });
        var malformed = await Api.SendAsync(HttpMethod.Post, "/api/alerts/not-an-alert/acknowledge", Therapist, new { });

        await otherClinic.AssertProblemAsync(HttpStatusCode.NotFound);
        await editor.AssertProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await listEditor.AssertProblemAsync(HttpStatusCode.Forbidden);
        await listAnonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(listOtherClinic.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == raised[0].Id);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await malformed.AssertProblemAsync(HttpStatusCode.NotFound);
        var open = await (await Api.SendAsync(HttpMethod.Get, "/api/alerts?kind=painRising&pageSize=200", Therapist)).JsonAsync();
        Assert.Contains(open.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == raised[0].Id);
    }

    [Fact]
    public async Task An_alert_is_acknowledged_without_a_body_too()
    {
        var (_, raised) = await RaiseAsync("p-alerts-nobody", 1, AlertKind.ReadyToProgress);

        var acknowledged = await (await Api.SendAsync(HttpMethod.Post, $"/api/alerts/{raised[0].Id}/acknowledge", Therapist)).JsonAsync();

        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.False(acknowledged.TryGetProperty("note", out _));
    }

    [Theory]
    [InlineData("/api/alerts?status=closed", "status")]
    [InlineData("/api/alerts?kind=sadness", "kind")]
    [InlineData("/api/alerts?pageSize=0", "pageSize")]
    [InlineData("/api/alerts?continuationToken=%25%25", "continuationToken")]
    public async Task Bad_queries_name_the_field(string path, string field)
    {
        var response = await Api.SendAsync(HttpMethod.Get, path, Therapist);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        if (field != "continuationToken")
        {
            Assert.NotEmpty(problem.ErrorsFor(field));
        }
    }

    [Fact]
    public async Task A_note_too_long_is_refused_and_nothing_changes()
    {
        var (_, raised) = await RaiseAsync("p-alerts-note", 1, AlertKind.NoCheckIn);

        var response = await Api.SendAsync(HttpMethod.Post, $"/api/alerts/{raised[0].Id}/acknowledge", Therapist, new { note = new string('x', 1001) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("note"));
        var open = await (await Api.SendAsync(HttpMethod.Get, "/api/alerts?kind=noCheckIn&pageSize=200", Therapist)).JsonAsync();
        Assert.Contains(open.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == raised[0].Id);
    }
}
