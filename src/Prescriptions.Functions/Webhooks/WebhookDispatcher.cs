using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Functions.Webhooks;

/// <summary>
/// One sweep of the outbox: for each known clinic, the due events are claimed (so an overlapping sweep leaves them
/// alone), sent to every subscribed partner that has not acknowledged them yet, logged, and then removed, rescheduled
/// with backoff, or marked dead. A crash between sending and removing means the event is sent again, never lost:
/// receivers drop the duplicate by its webhook-id.
/// </summary>
public sealed partial class WebhookDispatcher(
    IEventOutbox outbox,
    WebhookPartners partners,
    WebhookSender sender,
    FollowUps.ClinicAlertMailer clinicMailer,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    private enum Outcome
    {
        Delivered,
        Retrying,
        Dead,
        Dropped,
        Skipped,
    }

    public async Task<WebhookSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<Outcome, int>();
        foreach (var clinicId in partners.Clinics)
        {
            var due = await outbox.ListDueAsync(clinicId, time.GetUtcNow(), options.Value.BatchSize, cancellationToken);
            foreach (var entry in due)
            {
                var outcome = await DispatchAsync(entry, cancellationToken);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        }

        return new WebhookSweep(
            counts.GetValueOrDefault(Outcome.Delivered),
            counts.GetValueOrDefault(Outcome.Retrying),
            counts.GetValueOrDefault(Outcome.Dead),
            counts.GetValueOrDefault(Outcome.Dropped),
            counts.GetValueOrDefault(Outcome.Skipped));
    }

    private async Task<Outcome> DispatchAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var @event = entry.Event;
        var pending = partners.For(@event.ClinicId, @event.Type).Where(p => !entry.DeliveredTo.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var mailClinic = clinicMailer.Wants(@event) && !entry.DeliveredTo.Contains(FollowUps.ClinicAlertMailer.RecipientName, StringComparer.OrdinalIgnoreCase);
        if (pending.Count == 0 && !mailClinic)
        {
            return await outbox.TryRemoveAsync(entry, cancellationToken) ? Outcome.Dropped : Outcome.Skipped;
        }

        if (await outbox.TryClaimAsync(entry, time.GetUtcNow() + settings.Lease, cancellationToken) is not { } claimed)
        {
            return Outcome.Skipped;
        }

        var attempt = claimed.Attempts + 1;
        var deliveredTo = new List<string>(claimed.DeliveredTo);
        foreach (var partner in pending)
        {
            var at = time.GetUtcNow();
            var delivery = await sender.SendAsync(partner, @event, cancellationToken);
            await outbox.RecordDeliveryAsync(new DeliveryAttempt(
                @event.ClinicId, @event.Id, @event.Type, partner.Name, attempt, at,
                delivery.Succeeded, (long)delivery.Duration.TotalMilliseconds, delivery.StatusCode, delivery.Error), cancellationToken);
            if (delivery.Succeeded)
            {
                deliveredTo.Add(partner.Name);
            }
            else
            {
                LogFailed(@event.Id, @event.Type, partner.Name, attempt, delivery.Error);
            }
        }

        if (mailClinic && await MailClinicAsync(@event, attempt, cancellationToken))
        {
            deliveredTo.Add(FollowUps.ClinicAlertMailer.RecipientName);
        }

        if (deliveredTo.Count - claimed.DeliveredTo.Count == pending.Count + (mailClinic ? 1 : 0))
        {
            return await outbox.TryRemoveAsync(claimed, cancellationToken) ? Outcome.Delivered : Outcome.Skipped;
        }

        if (attempt >= settings.MaxAttempts)
        {
            LogDead(@event.Id, @event.Type, @event.ClinicId, attempt);
            return await outbox.TryMarkDeadAsync(claimed, attempt, deliveredTo, cancellationToken) ? Outcome.Dead : Outcome.Skipped;
        }

        // Random.Shared is fine here: jitter only spreads retries, it protects nothing.
#pragma warning disable CA5394
        var delay = WebhookBackoff.Delay(attempt, settings.BackoffBase, settings.MaxBackoff, Random.Shared.NextDouble());
#pragma warning restore CA5394
        return await outbox.TryRetryLaterAsync(claimed, attempt, time.GetUtcNow() + delay, deliveredTo, cancellationToken)
            ? Outcome.Retrying
            : Outcome.Skipped;
    }

    private async Task<bool> MailClinicAsync(PrescriptionEvent @event, int attempt, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        string? error = null;
        try
        {
            await clinicMailer.SendAsync(@event, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = exception.Message;
            LogFailed(@event.Id, @event.Type, FollowUps.ClinicAlertMailer.RecipientName, attempt, error);
        }

        await outbox.RecordDeliveryAsync(new DeliveryAttempt(
            @event.ClinicId, @event.Id, @event.Type, FollowUps.ClinicAlertMailer.RecipientName, attempt, at,
            error is null, (long)(time.GetUtcNow() - at).TotalMilliseconds, null, error), cancellationToken);
        return error is null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} ({EventType}) to partner {Partner} failed on attempt {Attempt}: {Error}")]
    private partial void LogFailed(string eventId, string eventType, string partner, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {EventId} ({EventType}) of clinic {ClinicId} is dead after {Attempts} attempts; its outbox row is kept with Dead=true")]
    private partial void LogDead(string eventId, string eventType, string clinicId, int attempts);
}
