using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Sweeps;
using Prescriptions.Application.Webhooks;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// The follow-up schedule as a <see cref="Sweep{TWork}"/>: each claimed message is checked against the prescription's
/// current plan, sent, recorded and removed; after the last allowed attempt it is recorded as failed with an alert.
/// A crash between sending and recording sends it again with the same Message-ID: repeated, never lost.
/// </summary>
public sealed class FollowUpSweeper(
    IFollowUpSchedule schedule,
    IFollowUpRecords records,
    IPrescriptionRepository prescriptions,
    FollowUpScheduler scheduler,
    FollowUpEmails emails,
    IEmailSender sender,
    PrescriptionReadiness readiness,
    WorklistSummaries worklist,
    EventRecipients recipients,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<Sweep<PendingFollowUp>> logger) : ISweepStrategy<PendingFollowUp>
{
    public SweepSettings Settings => SweepSettings.From(options.Value);

    public async Task<FollowUpSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var counts = await new Sweep<PendingFollowUp>(this, clock, logger).RunAsync(cancellationToken);
        return new FollowUpSweep(counts[SweepOutcome.Done], counts[SweepOutcome.Retrying], counts[SweepOutcome.Dead],
            counts[SweepOutcome.Dropped], counts[SweepOutcome.Skipped], counts[SweepOutcome.Watched]);
    }

    /// <summary>One lane: the schedule is read by due time across clinics.</summary>
    public IReadOnlyList<string> Lanes { get; } = ["schedule"];

    public Task<IReadOnlyList<PendingFollowUp>> ListDueAsync(string lane, DateTimeOffset now, int maxCount, CancellationToken cancellationToken) =>
        schedule.ListDueAsync(now, maxCount, cancellationToken);

    public Task<SweepOutcome?> SettleUnclaimedAsync(PendingFollowUp work, CancellationToken cancellationToken) => Task.FromResult<SweepOutcome?>(null);

    public Task<PendingFollowUp?> TryClaimAsync(PendingFollowUp work, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        schedule.TryClaimAsync(work, leaseUntil, cancellationToken);

    public async Task<SweepAct<PendingFollowUp>> ActAsync(PendingFollowUp claimed, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var message = claimed.Message;
        if (await prescriptions.FindAsync(claimed.ClinicId, claimed.PrescriptionId, cancellationToken) is not { Value: var prescription })
        {
            return await RemoveAsync(claimed, SweepOutcome.Dropped, cancellationToken);
        }

        if (message.Kind == FollowUpKind.CheckInWatch)
        {
            await WatchAsync(prescription, cancellationToken);
            return await RemoveAsync(claimed, SweepOutcome.Watched, cancellationToken);
        }

        // Sent already (a crash after recording, before removing), or no longer planned (updated, completed, cancelled, opted out).
        var planned = await scheduler.PlanAsync(prescription, cancellationToken);
        if (!planned.Any(m => m.Id == message.Id && m.DueAt == message.DueAt)
            || await records.FindDeliveryAsync(prescription.ClinicId, prescription.Id, message.Id, cancellationToken) is not null)
        {
            return await RemoveAsync(claimed, SweepOutcome.Dropped, cancellationToken);
        }

        try
        {
            await sender.SendAsync(emails.Compose(prescription, message, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return SweepActs.Failed(claimed, exception.Message);
        }

        IReadOnlyList<Alert> alerts = message.Kind == FollowUpKind.PhaseReview ? await ReadinessAlertsAsync(prescription, cancellationToken) : [];
        var line = alerts.Count == 0 ? null : await worklist.AfterAsync(prescription, new WorklistChange { Raised = alerts }, cancellationToken);
        await records.RecordDeliveryAsync(prescription.ClinicId, prescription.Id,
            new FollowUpDelivery(message.Id, message.Kind, message.LocalDate, Sent: true, attempt, clock.GetUtcNow(), null),
            alerts, recipients.Wanted(alerts.Select(a => PrescriptionEvents.AlertRaised(prescription, a))), line, cancellationToken);
        return await RemoveAsync(claimed, SweepOutcome.Done, cancellationToken);
    }

    public Task<bool> TryRetryLaterAsync(PendingFollowUp failed, int attempts, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        schedule.TryRetryLaterAsync(failed, attempts, dueAt, cancellationToken);

    /// <summary>Recorded as failed, with an alert for the therapist to check the address.</summary>
    public async Task<bool> TryDeadLetterAsync(PendingFollowUp failed, int attempts, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (await prescriptions.FindAsync(failed.ClinicId, failed.PrescriptionId, cancellationToken) is { Value: var prescription })
        {
            var message = failed.Message;
            var now = clock.GetUtcNow();
            var alert = Alert.Raise(prescription.Id, AlertKind.DeliveryFailed, message.Id, now, string.Create(CultureInfo.InvariantCulture,
                $"The {message.Kind} email of {message.LocalDate:yyyy-MM-dd} could not be sent after {attempts} attempts; check the patient's email address."));
            var line = await worklist.AfterAsync(prescription, new WorklistChange { Raised = [alert] }, cancellationToken);
            await records.RecordDeliveryAsync(prescription.ClinicId, prescription.Id,
                new FollowUpDelivery(message.Id, message.Kind, message.LocalDate, Sent: false, attempts, now, reason),
                [alert], recipients.Wanted([PrescriptionEvents.AlertRaised(prescription, alert)]), line, cancellationToken);
        }

        await schedule.RemoveAsync(failed, cancellationToken);
        return true;
    }

    public string Describe(PendingFollowUp work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return $"Follow-up {work.Message.Id} ({work.Message.Kind}) of prescription {work.PrescriptionId}";
    }

    private async Task<SweepAct<PendingFollowUp>> RemoveAsync(PendingFollowUp claimed, SweepOutcome outcome, CancellationToken cancellationToken)
    {
        await schedule.RemoveAsync(claimed, cancellationToken);
        return SweepActs.Settled<PendingFollowUp>(outcome);
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
            var line = await worklist.AfterAsync(prescription, new WorklistChange { CheckIns = checkIns, Raised = [alert] }, cancellationToken);
            await records.RaiseAlertsAsync(prescription.ClinicId, [alert], recipients.Wanted([PrescriptionEvents.AlertRaised(prescription, alert)]), line, cancellationToken);
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
}
