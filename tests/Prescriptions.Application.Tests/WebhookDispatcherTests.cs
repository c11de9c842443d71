using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Sweeps;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Tests;

/// <summary>The outbox's sweep against in-memory ports: each recipient once, retries only to those that failed, dead after the last attempt.</summary>
public sealed class WebhookDispatcherTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryOutbox outbox = new();
    private readonly Endpoints endpoints = new();
    private readonly WebhookDispatcher dispatcher;

    public WebhookDispatcherTests()
    {
        var followUps = Options.Create(new FollowUpOptions());
        var webhooks = Options.Create(new WebhookOptions { MaxAttempts = 2, BackoffBase = TimeSpan.FromMinutes(1), MaxBackoff = TimeSpan.FromMinutes(1), IdleGrace = TimeSpan.Zero });
        var mailer = new ClinicAlertMailer(new NoEmail(), followUps);
        dispatcher = new WebhookDispatcher(outbox, endpoints, mailer, new EventRecipients(endpoints, mailer), new PartnerGates(webhooks), webhooks, clock, NullLogger<Sweep<OutboxEntry>>.Instance);
    }

    private sealed class Endpoints : IWebhookEndpoints
    {
        public HashSet<string> Refusing { get; } = [];
        public List<(string Partner, string EventId)> Sent { get; } = [];

        public IReadOnlyList<string> Clinics => ["clinic-a"];

        public IReadOnlyList<string> SubscribersOf(string clinicId, string eventType) => eventType == EventTypes.Created ? ["ehr-one", "ehr-two"] : [];

        public Task<WebhookDelivery> SendAsync(string partner, PrescriptionEvent prescriptionEvent, CancellationToken cancellationToken)
        {
            lock (Sent)
            {
                Sent.Add((partner, prescriptionEvent.Id));
            }

            return Task.FromResult(Refusing.Contains(partner)
                ? new WebhookDelivery(false, 503, TimeSpan.FromMilliseconds(5), "The endpoint answered 503.")
                : new WebhookDelivery(true, 204, TimeSpan.FromMilliseconds(5), null));
        }
    }

    private sealed class NoEmail : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => throw new InvalidOperationException("No clinic address is configured.");
    }

    private PrescriptionEvent Event(string type) => new($"evt_{type}", type, clock.GetUtcNow(), "clinic-a", "rx-1", 1);

    [Fact]
    public async Task Events_nobody_wants_are_dropped_and_delivered_ones_removed()
    {
        outbox.Add(Event(EventTypes.Created), clock.GetUtcNow());
        outbox.Add(Event(EventTypes.Cancelled), clock.GetUtcNow());

        var sweep = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), (sweep.Delivered, sweep.Dropped));
        Assert.Equal(["ehr-one", "ehr-two"], endpoints.Sent.Select(s => s.Partner).Order());
        Assert.Equal(2, outbox.Deliveries.Count(d => d.Succeeded && d.Attempt == 1));
        Assert.Null(await outbox.FindAsync("clinic-a", "evt_" + EventTypes.Created, CancellationToken.None));
    }

    [Fact]
    public async Task A_retry_goes_only_to_the_partner_that_failed_and_the_last_attempt_leaves_the_event_dead()
    {
        var @event = Event(EventTypes.Created);
        outbox.Add(@event, clock.GetUtcNow());
        endpoints.Refusing.Add("ehr-two");

        var first = await dispatcher.SweepAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), (first.Retrying, second.Dead));
        Assert.Equal(["ehr-one", "ehr-two", "ehr-two"], endpoints.Sent.Select(s => s.Partner).Order());
        Assert.True(outbox.IsDead(@event.Id));
        Assert.Equal(["ehr-one"], (await outbox.FindAsync("clinic-a", @event.Id, CancellationToken.None))!.DeliveredTo);
        Assert.Equal([1, 1, 2], outbox.Deliveries.Select(d => d.Attempt).Order());
    }
}
