using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Webhooks;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.FollowUps;

/// <summary>Replaces a stored prescription and keeps its follow-up schedule and its worklist line in step with it; its events go out only to someone who receives them.</summary>
public sealed class PrescriptionUpdates(IPrescriptionRepository prescriptions, FollowUpScheduler scheduler, WorklistSummaries worklist, EventRecipients recipients)
{
    /// <summary>The stored new version, or a stale-version refusal when somebody else changed it first.</summary>
    public async Task<Outcome<Versioned<Prescription>>> ReplaceAsync(Versioned<Prescription> stored, PrescriptionWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(write);
        await scheduler.PrepareAsync(stored.Value, write.Prescription, cancellationToken);
        var line = await worklist.AfterAsync(write.Prescription, WorklistChange.None, cancellationToken);
        Versioned<Prescription> replaced;
        try
        {
            replaced = await prescriptions.ReplaceAsync(recipients.Wanted(write), stored.ETag, line, cancellationToken);
        }
        catch (StaleVersionException)
        {
            return Failure.StaleVersion();
        }

        await scheduler.CleanUpAsync(stored.Value, write.Prescription, cancellationToken);
        return replaced;
    }
}
