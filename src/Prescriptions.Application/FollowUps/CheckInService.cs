using Microsoft.Extensions.Options;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Webhooks;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.FollowUps;

/// <summary>The patient's use cases through their signed link: a check-in (with the alerts it raises) and the opt-out.</summary>
public sealed class CheckInService(
    CheckInLinks links,
    IFollowUpRecords records,
    IFollowUpSchedule schedule,
    PrescriptionReadiness readiness,
    PrescriptionUpdates updates,
    IPrescriptionRepository prescriptions,
    WorklistSummaries worklist,
    EventRecipients recipients,
    IOptions<FollowUpOptions> options,
    TimeProvider clock)
{
    /// <summary>What the link page says when the token has expired (a newer email brings a working one).</summary>
    public const string LinkExpired = "This check-in link has expired.";

    /// <summary>What the link page says when the programme is no longer running (completed or cancelled).</summary>
    public const string ProgrammeEnded = "This programme is no longer running.";

    /// <summary>
    /// The prescription a patient's link names, and the language to answer in (the patient's, also when the link is gone). A forged token, or one for a prescription that does not exist, is not found;
    /// an expired one, or (unless <paramref name="allowEnded"/>) one whose programme is not running, is gone. Neither says more.
    /// </summary>
    public async Task<(Outcome<Versioned<Prescription>> Link, string? Language)> OpenAsync(string token, bool allowEnded, CancellationToken cancellationToken)
    {
        var (status, claims) = links.Read(token, clock.GetUtcNow());
        var stored = status == CheckInTokenStatus.Invalid ? null : await prescriptions.FindAsync(claims!.ClinicId, claims.PrescriptionId, cancellationToken);
        if (stored is null)
        {
            return (Failure.NotFound("This check-in link is not one we know."), null);
        }

        var language = stored.Value.FollowUp?.PreferredLanguage;
        return status == CheckInTokenStatus.Expired ? (Failure.Gone(LinkExpired), language)
            : !allowEnded && stored.Value.Status != PrescriptionStatus.Active ? (Failure.Gone(ProgrammeEnded), language)
            : (stored, language);
    }

    /// <summary>The days the patient may report now: the last seven from the programme's first day, those not reported offered first.</summary>
    public async Task<CheckInWindow> WindowAsync(Prescription prescription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var reported = await records.CheckInsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        return CheckInWindow.For(prescription, clock.GetUtcNow(), reported.Select(c => c.Date));
    }

    /// <summary>The patient's check-ins (newest first), adherence per programme week and overall, and the alerts raised.</summary>
    public async Task<CheckInSummary> SummaryAsync(Prescription prescription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var checkIns = await records.CheckInsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        var alerts = await records.AlertsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        var adherence = Adherence.Compute(prescription, checkIns, Adherence.LocalDate(clock.GetUtcNow(), prescription));
        return new CheckInSummary(prescription.Id, [.. checkIns.OrderByDescending(c => c.Date)], adherence, alerts);
    }

    /// <summary>
    /// Records the day's check-in with its alerts and events; true when it replaced an earlier one of that day. Another write to
    /// the prescription's records landing first (a double submit, a sweep's alert) is read again and the check-in retried, twice at most.
    /// </summary>
    public async Task<bool> RecordAsync(Prescription prescription, CheckIn checkIn, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(checkIn);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordOnceAsync(prescription, checkIn, actor, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Nothing of this attempt was stored: the next one reads the check-ins, alerts and worklist line afresh.
            }
        }
    }

    private async Task<bool> RecordOnceAsync(Prescription prescription, CheckIn checkIn, Actor actor, CancellationToken cancellationToken)
    {
        var earlier = await records.CheckInsAsync(prescription.ClinicId, prescription.Id, cancellationToken);
        var previous = earlier.Where(c => c.Date < checkIn.Date).MaxBy(c => c.Date);
        var alerts = CheckInAlerts.Evaluate(prescription.Id, checkIn, previous).ToList();

        var all = earlier.Where(c => c.Date != checkIn.Date).Append(checkIn).OrderBy(c => c.Date).ToList();
        if (await readiness.ReadyAlertAsync(prescription, all, checkIn.ReceivedAt, cancellationToken) is { } ready)
        {
            alerts.Add(ready);
        }

        var raised = (await records.AlertsAsync(prescription.ClinicId, prescription.Id, cancellationToken)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        alerts.RemoveAll(a => raised.Contains(a.Id));

        var line = await worklist.AfterAsync(prescription, new WorklistChange { CheckIns = all, Raised = alerts }, cancellationToken);

        // The next no-check-in watch goes in first: if the write then fails, an extra watch finds nothing to say.
        await schedule.AddAsync([FollowUpScheduler.Watch(prescription, checkIn.ReceivedAt + TimeSpan.FromDays(options.Value.NoCheckInAlertDays))], cancellationToken);
        return await records.RecordCheckInAsync(prescription.ClinicId, prescription.Id, checkIn, alerts,
            recipients.Wanted([PrescriptionEvents.CheckInReceived(prescription, checkIn), .. alerts.Select(a => PrescriptionEvents.AlertRaised(prescription, a))]),
            prescription.CheckedIn(checkIn, actor), line, cancellationToken);
    }

    /// <summary>Stops the emails (idempotent). Optimistic: on a concurrent change, read again and retry, three times at most.</summary>
    public async Task<Outcome<bool>> OptOutAsync(Versioned<Prescription> stored, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        for (var attempt = 1; stored.Value.OptOut(actor, clock.GetUtcNow()) is { } write; attempt++)
        {
            var replaced = await updates.ReplaceAsync(stored, write, cancellationToken);
            if (replaced.Succeeded || attempt >= 3)
            {
                return replaced.Succeeded ? true : replaced.Cast<bool>();
            }

            stored = await prescriptions.FindAsync(stored.Value.ClinicId, stored.Value.Id, cancellationToken) ?? stored;
        }

        return false;
    }
}
