using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// Partner webhooks end to end: the API host (its own table in the shared Azurite, timers off) with clinic-a's partner app
/// configured to a real receiver; the DeliverWebhooks timer is run through the admin route.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookDeliveryTests(ApiFixture fixture)
{
    // clinic-a's partner app in appsettings.Development.json.
    internal const string ClinicAPartnerApp = "9a9a0000-0000-4000-8000-0000000a9a0a";
    private const string Partner = "ehr-a";
    internal static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];
    internal static readonly string Secret = "whsec_" + Convert.ToBase64String(Key);

    [Fact]
    public async Task Events_arrive_signed_after_two_failures_and_every_retry_carries_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var api = await StartApiAsync(receiver.Url);
        var prescriptionId = await CreateAndActivateAsync(api, "clinic-a");

        for (var sweep = 0; sweep < 10 && receiver.Received.Count(r => r.Acknowledged) < 2; sweep++)
        {
            await RunDeliveryAsync(api);
        }

        var received = receiver.Received;
        Assert.Equal(2, received.Count(r => !r.Acknowledged));
        var byEvent = received.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.ToArray());
        var types = byEvent.Values.Select(deliveries => Payload(deliveries[^1]).GetProperty("type").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal([EventTypes.Activated, EventTypes.Created], types);
        var outbox = api.Services.GetRequiredService<IEventOutbox>();
        foreach (var (eventId, deliveries) in byEvent)
        {
            Assert.StartsWith("evt_", eventId, StringComparison.Ordinal);
            Assert.True(deliveries[^1].Acknowledged);
            Assert.Single(deliveries.Select(d => d.Body).Distinct());
            Assert.All(deliveries, d => AssertSigned(d));
            var data = Payload(deliveries[0]).GetProperty("data");
            Assert.Equal(eventId, data.GetProperty("id").GetString());
            Assert.Equal("clinic-a", data.GetProperty("clinicId").GetString());
            Assert.Equal(prescriptionId, data.GetProperty("prescriptionId").GetString());
            Assert.Equal("p-hook-clinic-a", data.GetProperty("patientId").GetString());
            Assert.Equal("ehr-rx-clinic-a", data.GetProperty("externalId").GetString());
            Assert.All(deliveries, d => Assert.Matches(@"^Prescriptions/\d+\.\d+\.\d+", d.UserAgent));

            Assert.Null(await outbox.FindAsync("clinic-a", eventId, CancellationToken.None));
            var log = (await outbox.DeliveriesAsync("clinic-a", eventId, CancellationToken.None)).OrderBy(a => a.Attempt).ToArray();
            Assert.Equal(deliveries.Length, log.Length);
            Assert.All(log, a => Assert.Equal(Partner, a.Partner));
            Assert.All(log[..^1], a => Assert.Equal((false, (int?)500), (a.Succeeded, a.StatusCode)));
            Assert.Equal((true, (int?)204, log.Length), (log[^1].Succeeded, log[^1].StatusCode, log[^1].Attempt));
        }

        // Both events were refused once (the first two deliveries), so each was delivered twice with its one id.
        Assert.All(byEvent.Values, deliveries => Assert.Equal(2, deliveries.Length));
    }

    [Fact]
    public async Task Transient_failures_are_retried_within_one_sweep_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var api = await StartApiAsync(receiver.Url, "--Webhooks:RetriesPerSweep=2", "--Webhooks:RetryDelay=00:00:00.050");
        await CreateAndActivateAsync(api, "clinic-a");

        await RunDeliveryAsync(api);

        // The receiver refused the first two requests: events go out in parallel, so either one event was refused
        // twice or each once. Every retry carried the event's one id and body, and each event logged one attempt.
        var received = receiver.Received;
        Assert.Equal(2, received.Count(r => r.Acknowledged));
        Assert.Equal(2, received.Count(r => r.AnsweredStatus == 500));
        foreach (var deliveries in received.GroupBy(r => r.Id).Select(g => g.ToArray()))
        {
            Assert.Equal(204, deliveries[^1].AnsweredStatus);
            Assert.All(deliveries[..^1], d => Assert.Equal(500, d.AnsweredStatus));
            Assert.Single(deliveries.Select(d => d.Body).Distinct());
            var log = await api.Services.GetRequiredService<IEventOutbox>().DeliveriesAsync("clinic-a", deliveries[0].Id, CancellationToken.None);
            var attempt = Assert.Single(log);
            Assert.Equal((1, true, (int?)204), (attempt.Attempt, attempt.Succeeded, attempt.StatusCode));
        }
    }

    [Fact]
    public async Task Events_of_another_clinic_are_never_sent_to_the_partner()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        await using var api = await StartApiAsync(receiver.Url);
        var other = await CreateAndActivateAsync(api, "clinic-b");
        var own = await CreateAndActivateAsync(api, "clinic-a");

        await RunDeliveryAsync(api);

        var prescriptions = receiver.Received.Select(r => Payload(r).GetProperty("data")).ToArray();
        Assert.Equal(2, prescriptions.Length);
        Assert.All(prescriptions, data =>
        {
            Assert.Equal("clinic-a", data.GetProperty("clinicId").GetString());
            Assert.Equal(own, data.GetProperty("prescriptionId").GetString());
        });
        Assert.DoesNotContain(prescriptions, data => data.GetProperty("prescriptionId").GetString() == other);

        // clinic-b has no partner: its events were removed unsent rather than left to pile up.
        var outbox = api.Services.GetRequiredService<IEventOutbox>();
        Assert.Empty(await outbox.ListDueAsync("clinic-b", DateTimeOffset.MaxValue.AddYears(-1), 100, CancellationToken.None));
    }

    [Theory]
    [InlineData("http://partner.example.com/hooks", "Url must use https")]
    [InlineData("https://partner.example.com/hooks", null)]
    public async Task Partner_urls_other_than_https_or_loopback_http_fail_startup(string url, string? problem)
    {
        if (problem is null)
        {
            await using var started = await StartApiAsync(new Uri(url));
            return;
        }

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartApiAsync(new Uri(url)));
        Assert.Contains($"Webhooks:Partners:{Partner}:{problem}", failure.Message, StringComparison.Ordinal);
    }

    private Task<ApiHost> StartApiAsync(Uri url, params string[] settings) => ApiHost.StartAsync(
        fixture.Azurite.ConnectionString,
        configure: null,
        [
            // A table of its own: other tests' outbox rows in the shared Azurite are not this partner's business.
            $"--Prescriptions:TableName=wh{Guid.NewGuid():N}",
            $"--Webhooks:Partners:{Partner}:AppId={ClinicAPartnerApp}",
            $"--Webhooks:Partners:{Partner}:Url={url}",
            $"--Webhooks:Partners:{Partner}:Secret={Secret}",
            // Failed events are due again at once, and each sweep makes one HTTP attempt: every failure shows in the log.
            "--Webhooks:BackoffBase=00:00:00",
            "--Webhooks:RetriesPerSweep=0",
            .. settings,
        ]);

    internal static async Task RunDeliveryAsync(ApiHost api)
    {
        using var response = await api.Client.PostAsync(new Uri("/admin/functions/DeliverWebhooks", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    internal static async Task<string> CreateAndActivateAsync(ApiHost api, string clinicId)
    {
        var token = api.Token(Roles.Therapist, clinicId, "therapist-webhooks");
        var body = new
        {
            patientId = $"p-hook-{clinicId}",
            externalId = $"ehr-rx-{clinicId}",
            conditionId = "lateral-ankle-sprain",
            phase = 2,
            side = "left",
            constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20 },
        };
        using var created = await api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, body);
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var request = ApiHost.Request(HttpMethod.Post, $"/api/prescriptions/{id}/activate", token);
        request.Headers.IfMatch.Add(created.Headers.ETag ?? throw new InvalidOperationException("No ETag."));
        using var activated = await api.Client.SendAsync(request);
        await activated.JsonAsync();
        return id;
    }

    /// <summary>Verifies as a receiver would: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the secret's bytes, and a fresh timestamp.</summary>
    internal static void AssertSigned(ReceivedWebhook delivery)
    {
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
        Assert.Contains(expected, delivery.Signature.Split(' '));
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(delivery.Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(DateTimeOffset.UtcNow - signedAt, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(5));
    }

    private static JsonElement Payload(ReceivedWebhook delivery) => JsonDocument.Parse(delivery.Body).RootElement;
}
