using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Sweeps;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Tests;

/// <summary>
/// The relay at the partners' pace: no cap per sweep, parallel deliveries bounded per partner, one slow partner holding
/// only its own clinics, and one delivery per webhook-id when sweeps overlap.
/// </summary>
public sealed class WebhookRelayPaceTests
{
    private readonly InMemoryOutbox outbox = new();

    private sealed class Partners : IWebhookEndpoints
    {
        private readonly ConcurrentDictionary<string, int> inFlight = new();

        public ConcurrentDictionary<string, TaskCompletionSource> Holding { get; } = new();
        public ConcurrentQueue<(string Partner, string EventId)> Sent { get; } = new();
        public ConcurrentDictionary<string, int> MostAtOnce { get; } = new();

        public IReadOnlyList<string> Clinics => ["clinic-slow", "clinic-quick"];

        /// <summary>How long the quick partner takes to answer (a network round trip); none by default.</summary>
        public TimeSpan QuickAnswer { get; init; } = TimeSpan.Zero;

        public IReadOnlyList<string> SubscribersOf(string clinicId, string eventType) => [clinicId == "clinic-slow" ? "slow-ehr" : "quick-ehr"];

        public async Task<WebhookDelivery> SendAsync(string partner, PrescriptionEvent prescriptionEvent, CancellationToken cancellationToken)
        {
            var now = inFlight.AddOrUpdate(partner, 1, (_, n) => n + 1);
            MostAtOnce.AddOrUpdate(partner, now, (_, most) => Math.Max(most, now));
            try
            {
                if (Holding.TryGetValue(partner, out var hold))
                {
                    await hold.Task;
                }
                else if (QuickAnswer > TimeSpan.Zero)
                {
                    await Task.Delay(QuickAnswer, cancellationToken);
                }
                else
                {
                    await Task.Yield();
                }

                Sent.Enqueue((partner, prescriptionEvent.Id));
                return new WebhookDelivery(true, 204, TimeSpan.FromMilliseconds(1), null);
            }
            finally
            {
                inFlight.AddOrUpdate(partner, 0, (_, n) => n - 1);
            }
        }
    }

    private sealed class NoEmail : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private WebhookDispatcher Dispatcher(Partners partners, WebhookOptions options)
    {
        var webhooks = Options.Create(options);
        var mailer = new ClinicAlertMailer(new NoEmail(), Options.Create(new FollowUpOptions()));
        return new WebhookDispatcher(outbox, partners, mailer, new EventRecipients(partners, mailer),
            new PartnerGates(webhooks), webhooks, TimeProvider.System, NullLogger<Sweep<OutboxEntry>>.Instance);
    }

    private void AddEvents(string clinicId, int count, int first = 0)
    {
        for (var i = first; i < first + count; i++)
        {
            outbox.Add(new PrescriptionEvent($"evt_{clinicId}_{i}", EventTypes.Created, DateTimeOffset.UtcNow, clinicId, $"rx-{i}", 1), DateTimeOffset.UtcNow.AddSeconds(-1));
        }
    }

    [Fact]
    public async Task One_sweep_delivers_every_due_event_whatever_the_page_size()
    {
        var partners = new Partners();
        AddEvents("clinic-quick", 250);

        var sweep = await Dispatcher(partners, new WebhookOptions { BatchSize = 40, IdleGrace = TimeSpan.Zero }).SweepAsync(CancellationToken.None);

        Assert.Equal(250, sweep.Delivered);
        Assert.Equal(250, partners.Sent.Count);
        Assert.Equal(7, outbox.PageClaims); // each page of up to 40 claimed in one write
    }

    [Fact]
    public async Task A_partner_receives_at_most_its_parallel_limit_and_a_slow_one_holds_only_its_own_clinic()
    {
        var partners = new Partners();
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        partners.Holding["slow-ehr"] = slow;
        AddEvents("clinic-slow", 20);
        AddEvents("clinic-quick", 60);
        var options = new WebhookOptions { BatchSize = 10, ParallelLanes = 2, ParallelWork = 10, ParallelDeliveriesPerPartner = 3, IdleGrace = TimeSpan.Zero };

        var sweep = Dispatcher(partners, options).SweepAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (partners.Sent.Count < 60 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        // Every quick event went out while the slow partner held three requests and no more.
        Assert.Equal(60, partners.Sent.Count(s => s.Partner == "quick-ehr"));
        Assert.DoesNotContain(partners.Sent, s => s.Partner == "slow-ehr");
        Assert.False(sweep.IsCompleted);
        Assert.Equal(3, partners.MostAtOnce["slow-ehr"]);
        slow.SetResult();
        Assert.Equal(80, (await sweep).Delivered);
        Assert.Equal(3, partners.MostAtOnce["slow-ehr"]);
        Assert.InRange(partners.MostAtOnce["quick-ehr"], 1, 3);
    }

    [Fact]
    public async Task Overlapping_sweeps_deliver_each_event_once()
    {
        var partners = new Partners();
        AddEvents("clinic-quick", 300);
        var options = new WebhookOptions { BatchSize = 25, ParallelWork = 8, IdleGrace = TimeSpan.FromMilliseconds(300) };

        var sweeps = await Task.WhenAll(Dispatcher(partners, options).SweepAsync(CancellationToken.None), Dispatcher(partners, options).SweepAsync(CancellationToken.None));

        Assert.Equal(300, sweeps.Sum(s => s.Delivered));
        Assert.Equal(300, partners.Sent.Select(s => s.EventId).Distinct().Count());
        Assert.Equal(300, partners.Sent.Count);
    }

    [Fact]
    public async Task Events_committed_while_a_busy_lane_looks_again_go_out_in_the_same_sweep()
    {
        var partners = new Partners();
        AddEvents("clinic-quick", 5);

        var sweep = Dispatcher(partners, new WebhookOptions { IdleGrace = TimeSpan.FromSeconds(5) }).SweepAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (partners.Sent.Count < 5 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        // The first five are out and nothing is due: the lane looks again, so events committed now are not left for the next run.
        AddEvents("clinic-quick", 5, first: 5);

        Assert.Equal(10, (await sweep).Delivered);
        Assert.Equal(10, partners.Sent.Count);
    }

    [Fact]
    public async Task A_lane_in_a_stream_of_events_looks_once_a_poll_not_after_every_short_page()
    {
        // Each delivery takes a while, so events keep falling due while a page is delivered: the next look is never empty.
        var partners = new Partners { QuickAnswer = TimeSpan.FromMilliseconds(20) };
        AddEvents("clinic-quick", 1);
        var sweep = Dispatcher(partners, new WebhookOptions { IdleGrace = TimeSpan.FromMilliseconds(500) }).SweepAsync(CancellationToken.None);

        // An import: one event every few milliseconds for about a second, each page short of the batch size.
        var streamed = System.Diagnostics.Stopwatch.StartNew();
        var added = 1;
        while (streamed.Elapsed < TimeSpan.FromSeconds(1))
        {
            AddEvents("clinic-quick", 1, first: added++);
            await Task.Delay(5);
        }

        Assert.Equal(added, (await sweep).Delivered);
        Assert.Equal(added, partners.Sent.Select(s => s.EventId).Distinct().Count());

        // About 1.5 s of looking (the stream, then the grace) at one look per 250 ms poll, and one for the quiet clinic;
        // a lane that looked again straight after each short page would have listed about once per event.
        Assert.InRange(outbox.Lists, 2, 14);
    }

    [Fact]
    public async Task A_quiet_clinics_lane_ends_at_its_first_empty_page()
    {
        var partners = new Partners();

        var sweep = await Dispatcher(partners, new WebhookOptions { IdleGrace = TimeSpan.FromMinutes(1) }).SweepAsync(CancellationToken.None);

        Assert.Equal(0, sweep.Delivered);
        Assert.Equal(2, outbox.Lists); // one look per clinic, though a minute's grace is configured
    }
}
