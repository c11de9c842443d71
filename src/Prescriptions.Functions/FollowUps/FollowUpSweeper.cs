using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.FollowUps;

/// <summary>
/// One sweep of the follow-up schedule: each due message is claimed with an ETag-conditional update (so an overlapping
/// sweep leaves it alone), checked against the prescription's current plan, sent, recorded and removed; a failed send
/// is retried with backoff and, after the configured attempts, recorded as failed with an alert. A crash between sending
/// and recording means the message goes again with the same Message-ID: repeated, never lost.
/// </summary>
public sealed partial class FollowUpSweeper(
    IFollowUpSchedule schedule,
    IFollowUpRecords records,
    IPrescriptionRepository prescriptions,
    FollowUpScheduler scheduler,
    FollowUpEmails emails,
    IEmailSender sender,
    PrescriptionReadiness readiness,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<FollowUpSweeper> logger)
{
    private enum Outcome
    {
        Sent,
        Retrying,
        Failed,
        Dropped,
        Skipped,
        Watched,
    }

    public async Task<FollowUpSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await schedule.ListDueAsync(clock.GetUtcNow(), options.Value.BatchSize, cancellationToken);
        var counts = new Dictionary<Outcome, int>();
        foreach (var entry in due)
        {
            Outcome outcome;
            try
            {
                outcome = await ProcessAsync(entry, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One message's trouble (storage, a raced alert) must not hold up the others; its lease ends and a later sweep retries it.
                LogProcessFailed(logger, exception, entry.Message.Id);
                outcome = Outcome.Skipped;
            }

            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        return new FollowUpSweep(
            counts.GetValueOrDefault(Outcome.Sent),
            counts.GetValueOrDefault(Outcome.Retrying),
            counts.GetValueOrDefault(Outcome.Failed),
            counts.GetValueOrDefault(Outcome.Dropped),
            counts.GetValueOrDefault(Outcome.Skipped),
            counts.GetValueOrDefault(Outcome.Watched));
    }

    private async Task<Outcome> ProcessAsync(PendingFollowUp entry, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await schedule.TryClaimAsync(entry, clock.GetUtcNow() + settings.Lease, cancellationToken) is not { } claimed)
        {
            return Outcome.Skipped;
        }

        var message = claimed.Message;
        var stored = await prescriptions.FindAsync(claimed.ClinicId, claimed.PrescriptionId, cancellationToken);
        if (stored is null)
        {
            return await DropAsync(claimed, cancellationToken);
        }

        var prescription = stored.Value;
        if (message.Kind == FollowUpKind.CheckInWatch)
        {
            await WatchAsync(prescription, cancellationToken);
            await schedule.RemoveAsync(claimed, cancellationToken);
            return Outcome.Watched;
        }

        // Sent already (a crash after recording, before removing), or no longer planned (updated, completed, cancelled, opted out).
        var planned = await scheduler.PlanAsync(prescription, cancellationToken);
        if (!planned.Any(m => m.Id == message.Id && m.DueAt == message.DueAt)
            || await records.FindDeliveryAsync(prescription.ClinicId, prescription.Id, message.Id, cancellationToken) is not null)
        {
            return await DropAsync(claimed, cancellationToken);
        }

        var attempt = claimed.Attempts + 1;
        try
        {
            await sender.SendAsync(emails.Compose(prescription, message, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(logger, exception, message.Id, message.Kind, attempt);
            return attempt >= settings.MaxAttempts
                ? await GiveUpAsync(prescription, claimed, attempt, exception.Message, cancellationToken)
                : await schedule.TryRetryLaterAsync(claimed, attempt, clock.GetUtcNow() + Backoff(attempt, settings.BackoffBase), cancellationToken)
                    ? Outcome.Retrying
                    : Outcome.Skipped;
        }

        var now = clock.GetUtcNow();
        IReadOnlyList<Alert> alerts = message.Kind == FollowUpKind.PhaseReview ? await ReadinessAlertsAsync(prescription, cancellationToken) : [];
        await records.RecordDeliveryAsync(prescription.ClinicId, prescription.Id,
            new FollowUpDelivery(message.Id, message.Kind, message.LocalDate, Sent: true, attempt, now, null),
            alerts, [.. alerts.Select(a => PrescriptionEvents.AlertRaised(prescription, a))], cancellationToken);
        await schedule.RemoveAsync(claimed, cancellationToken);
        return Outcome.Sent;
    }

    /// <summary>The wait before the next attempt: the base, doubled with each failure, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan backoffBase) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, backoffBase.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    private async Task<Outcome> DropAsync(PendingFollowUp claimed, CancellationToken cancellationToken)
    {
        await schedule.RemoveAsync(claimed, cancellationToken);
        return Outcome.Dropped;
    }

    private async Task<Outcome> GiveUpAsync(Prescription prescription, PendingFollowUp claimed, int attempts, string error, CancellationToken cancellationToken)
    {
        var message = claimed.Message;
        var now = clock.GetUtcNow();
        var alert = Alert.Raise(prescription.Id, AlertKind.DeliveryFailed, message.Id, now, string.Create(CultureInfo.InvariantCulture,
            $"The {message.Kind} email of {message.LocalDate:yyyy-MM-dd} could not be sent after {attempts} attempts; check the patient's email address."));
        await records.RecordDeliveryAsync(prescription.ClinicId, prescription.Id,
            new FollowUpDelivery(message.Id, message.Kind, message.LocalDate, Sent: false, attempts, now, error),
            [alert], [PrescriptionEvents.AlertRaised(prescription, alert)], cancellationToken);
        await schedule.RemoveAsync(claimed, cancellationToken);
        LogGaveUp(logger, message.Id, prescription.Id, attempts);
        return Outcome.Failed;
    }

    /// <summary>No check-in for the configured days while active: an alert, and another watch as long as the silence lasts.</summary>
    private async Task WatchAsync(Prescription prescription, CancellationToken cancellationToken)
    {
        if (prescription.Status != PrescriptionStatus.Active || prescription.ActivatedAt is not { } activatedAt)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var quiet = TimeSpan.FromDays(options.Value.NoCheckInAlertDays);
        var checkIns = await records.CheckInsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        var last = checkIns.Select(c => c.ReceivedAt).DefaultIfEmpty(activatedAt).Max();

        // A later check-in scheduled its own watch; this one has nothing to say.
        if (now - last < quiet - TimeSpan.FromMinutes(1))
        {
            return;
        }

        var days = (int)Math.Floor((now - last).TotalDays);
        var alert = Alert.Raise(prescription.Id, AlertKind.NoCheckIn, last.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + days.ToString(CultureInfo.InvariantCulture), now,
            string.Create(CultureInfo.InvariantCulture, $"No check-in for {days} days (since {last:yyyy-MM-dd})."));
        await schedule.AddAsync([FollowUpScheduler.Watch(prescription, now + quiet)], cancellationToken);
        try
        {
            await records.RaiseAlertsAsync(prescription.ClinicId, [alert], [PrescriptionEvents.AlertRaised(prescription, alert)], cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Raised already by a watch of the same silence.
        }
    }

    private async Task<IReadOnlyList<Alert>> ReadinessAlertsAsync(Prescription prescription, CancellationToken cancellationToken)
    {
        if (await readiness.ReadyAlertAsync(prescription, null, clock.GetUtcNow(), cancellationToken) is not { } alert)
        {
            return [];
        }

        var raised = await records.AlertsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        return raised.Any(a => a.Id == alert.Id) ? [] : [alert];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {MessageId} ({Kind}) failed on attempt {Attempt}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string messageId, FollowUpKind kind, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up {MessageId} could not be processed; a later sweep retries it")]
    private static partial void LogProcessFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up {MessageId} of prescription {PrescriptionId} failed after {Attempts} attempts; an alert was raised")]
    private static partial void LogGaveUp(ILogger logger, string messageId, string prescriptionId, int attempts);
}
