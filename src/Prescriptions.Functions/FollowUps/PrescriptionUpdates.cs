using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.FollowUps;

/// <summary>Replaces a stored prescription and keeps its follow-up schedule in step with it.</summary>
public sealed class PrescriptionUpdates(IPrescriptionRepository prescriptions, FollowUpScheduler scheduler)
{
    public async Task<Versioned<Prescription>> ReplaceAsync(Versioned<Prescription> stored, PrescriptionWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(write);
        await scheduler.PrepareAsync(stored.Value, write.Prescription, cancellationToken);
        var replaced = await prescriptions.ReplaceAsync(write, stored.ETag, cancellationToken);
        await scheduler.CleanUpAsync(stored.Value, write.Prescription, cancellationToken);
        return replaced;
    }
}
