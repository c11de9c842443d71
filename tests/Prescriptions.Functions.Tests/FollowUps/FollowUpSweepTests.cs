using System.Text.Json.Nodes;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Functions.Tests.FollowUps;

/// <summary>
/// The SendFollowUps sweep against time: a fake clock drives the host (the sweep, the planner, the API), Azurite keeps the
/// schedule, and a recording sender stands in for the SMTP relay.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FollowUpSweepTests(ApiFixture fixture)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task Reminders_go_out_at_the_patients_local_time_across_the_daylight_saving_change()
    {
        // Monday 2027-03-22; Berlin moves from +1 to +2 on Sunday 2027-03-28.
        await using var host = await StartAsync(new DateTimeOffset(2027, 3, 22, 8, 0, 0, TimeSpan.Zero));
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-dst", weeks: 2));
        var plan = await host.PlanAsync(id);
        Assert.Contains(plan, m => m.Kind == FollowUpKind.ExerciseReminder && m.LocalDate < new DateOnly(2027, 3, 28));
        Assert.Contains(plan, m => m.Kind == FollowUpKind.ExerciseReminder && m.LocalDate > new DateOnly(2027, 3, 28));

        // A minute early nothing goes; on time it does.
        foreach (var message in plan)
        {
            if (message.DueAt - TimeSpan.FromMinutes(1) > host.Clock!.GetUtcNow())
            {
                await At(host, message.DueAt - TimeSpan.FromMinutes(1));
                Assert.DoesNotContain(host.Email!.Sent, s => s.Message.Id == message.Id);
            }

            await At(host, message.DueAt);
            Assert.Contains(host.Email!.Sent, s => s.Message.Id == message.Id);
        }

        var reminders = host.Email!.Sent.Where(s => s.Message.Subject == "Time for your exercises").ToList();
        Assert.Equal(plan.Count(m => m.Kind == FollowUpKind.ExerciseReminder), reminders.Count);
        Assert.All(reminders, r => Assert.Equal(new TimeOnly(18, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.At, Berlin).DateTime)));
        Assert.Contains(reminders, r => r.At.UtcDateTime.Hour == 17);
        Assert.Contains(reminders, r => r.At.UtcDateTime.Hour == 16);
        Assert.Equal(host.Email.Sent.Count, host.Email.Sent.Select(s => s.Message.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_update_reschedules_quietly_without_a_second_welcome_or_the_old_times()
    {
        await using var host = await StartAsync(new DateTimeOffset(2027, 5, 3, 8, 0, 0, TimeSpan.Zero));
        var (id, etag) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-update", weeks: 2));
        await host.SweepAsync();
        Assert.Single(host.Email!.Sent);
        var before = await host.PlanAsync(id);

        // The therapist moves the reminders to the morning.
        var current = await host.GetAsync($"/api/prescriptions/{id}");
        var followUp = current.GetProperty("followUp");
        using var put = ApiHost.Request(HttpMethod.Put, $"/api/prescriptions/{id}", host.Token(), new
        {
            items = current.GetProperty("items").EnumerateArray().Select(i => new { exerciseId = i.GetProperty("exerciseId").GetString(), dose = JsonNode.Parse(i.GetProperty("dose").GetRawText()) }).ToArray(),
            weeks = 2,
            followUp = new { email = followUp.GetProperty("email").GetString(), timeZone = "Europe/Berlin", reminderTime = "07:30", checkInEveryDays = 7, firstName = "Ana" },
        });
        put.Headers.IfMatch.Add(etag);
        using var replaced = await host.Api.Client.SendAsync(put);
        await replaced.JsonAsync();
        var after = await host.PlanAsync(id);
        Assert.DoesNotContain(after, m => before.Any(b => b.Kind == FollowUpKind.ExerciseReminder && b.DueAt == m.DueAt && m.Kind == FollowUpKind.ExerciseReminder));

        foreach (var instant in before.Concat(after).Select(m => m.DueAt).Where(d => d > host.Clock!.GetUtcNow()).Distinct().Order())
        {
            await At(host, instant);
        }

        var sent = host.Email.Sent.Skip(1).Select(s => (s.Message.Id, s.At)).ToList();
        Assert.Equal(after.Where(m => m.Kind != FollowUpKind.Welcome).Select(m => (m.Id, m.DueAt)).Order(), sent.Order());
        Assert.Single(host.Email.Sent, s => s.Message.Subject == "Your home exercise programme is ready");
        Assert.All(host.Email.Sent.Where(s => s.Message.Subject == "Time for your exercises"),
            s => Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.At, Berlin).DateTime)));
    }

    [Fact]
    public async Task Nothing_is_sent_after_cancel()
    {
        await using var host = await StartAsync(new DateTimeOffset(2027, 6, 7, 8, 0, 0, TimeSpan.Zero));
        var (id, etag) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-cancel", weeks: 2));
        var plan = await host.PlanAsync(id);
        await host.SweepAsync();
        await At(host, plan[1].DueAt);
        Assert.Equal(2, host.Email!.Sent.Count);

        await host.ChangeAsync(id, "cancel", etag);
        foreach (var message in plan.Skip(2))
        {
            await At(host, message.DueAt);
        }

        Assert.Equal(2, host.Email.Sent.Count);
        Assert.Empty(await host.Api.Services.GetRequiredService<IFollowUpSchedule>().ListDueAsync(host.Clock!.GetUtcNow(), 100, CancellationToken.None));
    }

    [Fact]
    public async Task Failed_sends_are_retried_with_backoff_then_recorded_as_failed_with_an_alert()
    {
        var start = new DateTimeOffset(2027, 7, 5, 8, 0, 0, TimeSpan.Zero);
        await using var host = await StartAsync(start, "--FollowUps:MaxAttempts=3", "--FollowUps:BackoffBase=00:01:00");
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-retry", weeks: 1));
        host.Email!.Refuse = true;

        await host.SweepAsync();
        Assert.Equal(1, host.Email.Attempts);
        // The backoff is jittered: half to all of 1 min after the first failure, of 2 min after the second.
        await At(host, start + TimeSpan.FromSeconds(29));
        Assert.Equal(1, host.Email.Attempts);
        await At(host, start + TimeSpan.FromMinutes(1));
        Assert.Equal(2, host.Email.Attempts);
        await At(host, start + TimeSpan.FromSeconds(119));
        Assert.Equal(2, host.Email.Attempts);
        await At(host, start + TimeSpan.FromMinutes(3));
        Assert.Equal(3, host.Email.Attempts);
        await At(host, start + TimeSpan.FromMinutes(30));
        Assert.Equal(3, host.Email.Attempts);

        var welcome = (await host.PlanAsync(id))[0];
        var records = host.Api.Services.GetRequiredService<IFollowUpRecords>();
        var delivery = await records.FindDeliveryAsync("clinic-a", id, welcome.Id, CancellationToken.None);
        Assert.Equal((false, 3), (delivery!.Sent, delivery.Attempts));
        Assert.Contains("refused", delivery.Error, StringComparison.Ordinal);
        var alert = Assert.Single(await records.AlertsAsync("clinic-a", id, CancellationToken.None));
        Assert.Equal(AlertKind.DeliveryFailed, alert.Kind);
        var events = await host.Api.Services.GetRequiredService<IEventOutbox>().ListDueAsync("clinic-a", DateTimeOffset.MaxValue.AddYears(-1), 100, CancellationToken.None);
        Assert.Contains(events, e => e.Event.Type == EventTypes.AlertRaised && e.Event.Alert?.Id == alert.Id);
    }

    [Fact]
    public async Task Two_overlapping_sweeps_send_each_message_once()
    {
        await using var host = await StartAsync(new DateTimeOffset(2027, 8, 2, 8, 0, 0, TimeSpan.Zero));
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest($"p-overlap-{i}", weeks: 1))).Id);
        }

        host.Email!.Delay = TimeSpan.FromMilliseconds(40);
        var sweeps = await Task.WhenAll(host.SweepAsync(), host.SweepAsync(), host.SweepAsync());

        Assert.Equal(6, host.Email.Sent.Count);
        Assert.Equal(6, host.Email.Sent.Select(s => s.Message.Id).Distinct().Count());
        Assert.Equal(6, sweeps.Sum(s => s.Sent));
        Assert.True(sweeps.Sum(s => s.Skipped) > 0, "the sweeps did not overlap");
    }

    [Fact]
    public async Task A_message_held_by_a_crashed_sweep_goes_out_once_its_lease_ends()
    {
        var start = new DateTimeOffset(2027, 9, 6, 8, 0, 0, TimeSpan.Zero);
        await using var host = await StartAsync(start, "--FollowUps:Lease=00:05:00");
        await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-lease", weeks: 1));
        var schedule = host.Api.Services.GetRequiredService<IFollowUpSchedule>();
        var welcome = Assert.Single(await schedule.ListDueAsync(start, 10, CancellationToken.None), p => p.Message.Kind == FollowUpKind.Welcome);
        Assert.NotNull(await schedule.TryClaimAsync(welcome, start + TimeSpan.FromMinutes(5), CancellationToken.None));

        await host.SweepAsync();
        Assert.Empty(host.Email!.Sent);
        await At(host, start + TimeSpan.FromMinutes(5));
        Assert.Single(host.Email.Sent);
    }

    [Fact]
    public async Task Days_without_a_check_in_raise_an_alert_and_a_check_in_restarts_the_count()
    {
        var start = new DateTimeOffset(2027, 10, 4, 8, 0, 0, TimeSpan.Zero);
        await using var host = await StartAsync(start, "--FollowUps:NoCheckInAlertDays=3");
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-silent", weeks: 2));
        var records = host.Api.Services.GetRequiredService<IFollowUpRecords>();
        async Task<int> SilenceAlerts() => (await records.AlertsAsync("clinic-a", id, CancellationToken.None)).Count(a => a.Kind == AlertKind.NoCheckIn);

        await At(host, start + TimeSpan.FromDays(3) - TimeSpan.FromMinutes(5));
        Assert.Equal(0, await SilenceAlerts());
        await At(host, start + TimeSpan.FromDays(3));
        Assert.Equal(1, await SilenceAlerts());
        await At(host, start + TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        var token = host.Api.Services.GetRequiredService<Application.FollowUps.CheckInLinks>().Issue("clinic-a", id, host.Clock!.GetUtcNow());
        using var checkIn = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: new { completedSessions = 2, painNow = 1, painDuringExercise = 2, difficulty = "ok" });
        await checkIn.JsonAsync(System.Net.HttpStatusCode.Created);

        // The alert's own follow-up watch (day 6) finds the check-in of day 3 recent enough; three days after it, silence again.
        await At(host, start + TimeSpan.FromDays(6));
        Assert.Equal(1, await SilenceAlerts());
        await At(host, start + TimeSpan.FromDays(6) + TimeSpan.FromHours(2));
        Assert.Equal(2, await SilenceAlerts());
        var events = await host.Api.Services.GetRequiredService<IEventOutbox>().ListDueAsync("clinic-a", DateTimeOffset.MaxValue.AddYears(-1), 100, CancellationToken.None);
        Assert.Equal(2, events.Count(e => e.Event.Alert?.Kind == AlertKind.NoCheckIn));
    }

    [Fact]
    public async Task A_message_that_cannot_be_processed_does_not_hold_up_the_others()
    {
        var start = new DateTimeOffset(2027, 11, 1, 8, 0, 0, TimeSpan.Zero);
        await using var host = await StartAsync(start);
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-sound", weeks: 1));
        var repository = host.Api.Services.GetRequiredService<Application.Prescriptions.IPrescriptionRepository>();
        var broken = (await repository.FindAsync("clinic-a", id, CancellationToken.None))!.Value with { Id = "rx-broken", LibraryVersion = "ffffffffffffffff" };
        await repository.CreateAsync(new Domain.Prescriptions.PrescriptionWrite(broken,
            new AuditEntry(broken.Id, start, "test", Domain.Tenancy.CallerKind.User, "created", "A copy assembled from a library version that was never published.", [], "test", 1), []), null, CancellationToken.None);
        var due = start - TimeSpan.FromMinutes(1);
        await host.Api.Services.GetRequiredService<IFollowUpSchedule>().AddAsync(
            [new PendingFollowUp("clinic-a", broken.Id, new ScheduledFollowUp("msg_broken", FollowUpKind.Welcome, due, DateOnly.FromDateTime(due.UtcDateTime)))], CancellationToken.None);

        var sweep = await host.SweepAsync();

        Assert.Equal((1, 1), (sweep.Sent, sweep.Skipped));
        Assert.Equal((await host.PlanAsync(id))[0].Id, Assert.Single(host.Email!.Sent).Message.Id);
    }

    private Task<FollowUpHost> StartAsync(DateTimeOffset now, params string[] settings) =>
        FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, now, settings);

    private static async Task At(FollowUpHost host, DateTimeOffset instant)
    {
        if (instant > host.Clock!.GetUtcNow())
        {
            host.Clock.SetUtcNow(instant);
        }

        await host.SweepAsync();
    }
}
