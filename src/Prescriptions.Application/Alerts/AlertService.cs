using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.Alerts;

/// <summary>The clinic's alerts inbox: list them newest first, acknowledge one (who, when, a note; audited in its prescription's history).</summary>
public sealed class AlertService(IAlertInbox inbox, IPrescriptionRepository prescriptions, WorklistSummaries worklist, TimeProvider clock)
{
    public const int MaxNoteLength = 1000;

    public async Task<Outcome<ResultPage<Alert>>> ListAsync(string clinicId, AlertStatus status, AlertKind? kind, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        await inbox.ListAsync(clinicId, status, kind, pageSize, continuationToken, cancellationToken);

    /// <summary>Acknowledges the alert; one acknowledged already is answered as it is, and nothing is written.</summary>
    public async Task<Outcome<Alert>> AcknowledgeAsync(IReadOnlyList<string> clinicIds, string alertId, string? note, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinicIds);
        ArgumentNullException.ThrowIfNull(actor);
        if (note is { Length: > MaxNoteLength })
        {
            return Failure.Validation("note", $"A note has at most {MaxNoteLength} characters.");
        }

        foreach (var clinicId in clinicIds)
        {
            if (await inbox.FindAsync(clinicId, alertId, cancellationToken) is not { } alert)
            {
                continue;
            }

            if (alert.Status == AlertStatus.Acknowledged)
            {
                return alert;
            }

            if (await prescriptions.FindAsync(clinicId, alert.PrescriptionId, cancellationToken) is not { } stored)
            {
                return Failure.NotFound($"No alert '{alertId}'.");
            }

            for (var attempt = 1; ; attempt++)
            {
                var acknowledged = alert.Acknowledge(actor.Subject, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), clock.GetUtcNow());
                try
                {
                    var line = await worklist.AfterAsync(stored.Value, new WorklistChange { Acknowledged = acknowledged }, cancellationToken);
                    await inbox.AcknowledgeAsync(clinicId, alert, acknowledged, stored.Value.AlertAcknowledged(acknowledged, actor), line, cancellationToken);
                    return acknowledged;
                }
                catch (ConcurrencyConflictException)
                {
                    // Acknowledged meanwhile by someone else: theirs stands. Still open: the prescription's worklist line moved
                    // under this write (a check-in landed first), so try again on what is stored now.
                    var current = await inbox.FindAsync(clinicId, alertId, cancellationToken);
                    if (current is not { Status: AlertStatus.Open })
                    {
                        return current is not null ? current : Failure.NotFound($"No alert '{alertId}'.");
                    }

                    if (attempt >= 3)
                    {
                        return Failure.Conflict("The patient's records kept changing while acknowledging; try again.");
                    }

                    alert = current;
                }
            }
        }

        return Failure.NotFound($"No alert '{alertId}'.");
    }
}
