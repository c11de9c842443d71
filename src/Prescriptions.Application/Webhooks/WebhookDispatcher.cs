using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Sweeps;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Webhooks;

/// <summary>
/// The outbox as a <see cref="Sweep{TWork}"/>: each known clinic is a lane, read page after page while events are due; the
/// due events are claimed, sent to every subscribed recipient (partners, and the clinic's alert address) that has not
/// acknowledged them yet, at once and each within its recipient's gate (<see cref="PartnerGates"/>), logged, and then
/// removed, retried later for the others, or marked dead. Events of one prescription may arrive out of order: each
/// carries its version. Receivers drop a repeated event by its webhook-id.
/// </summary>
public sealed class WebhookDispatcher(
    IEventOutbox outbox,
    IWebhookEndpoints endpoints,
    ClinicAlertMailer clinicMailer,
    EventRecipients recipients,
    PartnerGates gates,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<Sweep<OutboxEntry>> logger) : ISweepStrategy<OutboxEntry>
{
    public SweepSettings Settings => SweepSettings.From(options.Value);

    public async Task<WebhookSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var counts = await new Sweep<OutboxEntry>(this, time, logger).RunAsync(cancellationToken);
        return new WebhookSweep(counts[SweepOutcome.Done], counts[SweepOutcome.Retrying], counts[SweepOutcome.Dead], counts[SweepOutcome.Dropped], counts[SweepOutcome.Skipped]);
    }

    /// <summary>One lane per clinic with a recipient (no other clinic's outbox is written): one busy or slow clinic never holds up the others.</summary>
    public IReadOnlyList<string> Lanes => recipients.Clinics;

    public Task<IReadOnlyList<OutboxEntry>> ListDueAsync(string lane, DateTimeOffset now, int maxCount, CancellationToken cancellationToken) =>
        outbox.ListDueAsync(lane, now, maxCount, cancellationToken);

    public async Task<SweepOutcome?> SettleUnclaimedAsync(OutboxEntry work, CancellationToken cancellationToken) =>
        Pending(work).Count > 0 ? null : await outbox.TryRemoveAsync(work, [], cancellationToken) ? SweepOutcome.Dropped : SweepOutcome.Skipped;

    public Task<OutboxEntry?> TryClaimAsync(OutboxEntry work, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        outbox.TryClaimAsync(work, leaseUntil, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>?> TryClaimAllAsync(IReadOnlyList<OutboxEntry> works, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        outbox.TryClaimAllAsync(works, leaseUntil, cancellationToken);

    public async Task<SweepAct<OutboxEntry>> ActAsync(OutboxEntry claimed, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var @event = claimed.Event;
        var deliveries = await Task.WhenAll(Pending(claimed).Select(recipient => gates.RunAsync(recipient, async () =>
        {
            var at = time.GetUtcNow();
            var delivery = recipient == ClinicAlertMailer.RecipientName ? await MailClinicAsync(@event, cancellationToken) : await endpoints.SendAsync(recipient, @event, cancellationToken);
            return new DeliveryAttempt(
                @event.ClinicId, @event.Id, @event.Type, recipient, attempt, at,
                delivery.Succeeded, (long)delivery.Duration.TotalMilliseconds, delivery.StatusCode, delivery.Error);
        }, cancellationToken)));
        var failed = deliveries.Where(d => !d.Succeeded).Select(d => d.Partner).ToList();
        if (failed.Count == 0)
        {
            // The log and the removal in one write: one storage request per delivered event fewer, and never one without the other.
            return SweepActs.Settled<OutboxEntry>(await outbox.TryRemoveAsync(claimed, deliveries, cancellationToken) ? SweepOutcome.Done : SweepOutcome.Skipped);
        }

        foreach (var delivery in deliveries)
        {
            await outbox.RecordDeliveryAsync(delivery, cancellationToken);
        }

        var deliveredTo = claimed.DeliveredTo.Concat(deliveries.Where(d => d.Succeeded).Select(d => d.Partner)).ToList();
        return SweepActs.Failed(claimed with { DeliveredTo = deliveredTo }, $"not acknowledged by {string.Join(", ", failed)}");
    }

    public Task<bool> TryRetryLaterAsync(OutboxEntry failed, int attempts, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return outbox.TryRetryLaterAsync(failed, attempts, dueAt, failed.DeliveredTo, cancellationToken);
    }

    /// <summary>The event stays in the outbox, flagged dead, for inspection.</summary>
    public Task<bool> TryDeadLetterAsync(OutboxEntry failed, int attempts, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return outbox.TryMarkDeadAsync(failed, attempts, failed.DeliveredTo, cancellationToken);
    }

    public string Describe(OutboxEntry work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return $"Webhook {work.Event.Id} ({work.Event.Type}) of clinic {work.Event.ClinicId}";
    }

    /// <summary>The subscribed recipients that have not acknowledged the event yet.</summary>
    private List<string> Pending(OutboxEntry entry) =>
        [.. recipients.Of(entry.Event).Where(r => !entry.DeliveredTo.Contains(r, StringComparer.OrdinalIgnoreCase))];

    private async Task<WebhookDelivery> MailClinicAsync(PrescriptionEvent @event, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await clinicMailer.SendAsync(@event, cancellationToken);
            return new WebhookDelivery(true, null, time.GetElapsedTime(started), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new WebhookDelivery(false, null, time.GetElapsedTime(started), exception.Message);
        }
    }
}
