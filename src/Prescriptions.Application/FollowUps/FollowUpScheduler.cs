using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// Keeps the schedule in step with a prescription. The plan is a pure function of the stored prescription, and the
/// sweep sends only what is still in the current plan, so the schedule is an index that may hold too much but never
/// too little: new messages are added before the prescription is written (a failed write leaves extras the sweep
/// drops), stale ones are removed after it (a crash in between leaves extras the sweep drops).
/// </summary>
public sealed partial class FollowUpScheduler(
    IFollowUpSchedule schedule,
    ILibraryProvider libraries,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<FollowUpScheduler> logger)
{
    /// <summary>What the schedule must hold for the prescription as stored: nothing unless it is active with a contact.</summary>
    public async Task<IReadOnlyList<ScheduledFollowUp>> PlanAsync(Prescription prescription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        if (prescription.Status != PrescriptionStatus.Active || prescription.FollowUp is null)
        {
            return [];
        }

        var library = await libraries.GetVersionAsync(prescription.LibraryVersion, cancellationToken);
        var minDays = library.FindCondition(prescription.ConditionId)?.FindPhase(prescription.Phase)?.MinDays ?? 0;
        return FollowUpPlanner.Plan(prescription, minDays);
    }

    /// <summary>Before the write: adds what the new state plans and the old did not (the welcome only on activation; nothing already past).</summary>
    public async Task PrepareAsync(Prescription? before, Prescription after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        var now = clock.GetUtcNow();
        var old = before is null ? [] : await PlanAsync(before, cancellationToken);
        var planned = await PlanAsync(after, cancellationToken);
        var known = old.Select(Key).ToHashSet();
        var oldIds = old.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var added = planned
            .Where(m => !known.Contains(Key(m)) && (m.DueAt >= now || (m.Kind == FollowUpKind.Welcome && !oldIds.Contains(m.Id))))
            .Select(m => new PendingFollowUp(after.ClinicId, after.Id, m))
            .ToList();
        if (IsActivation(before, after))
        {
            added.Add(Watch(after, after.ActivatedAt!.Value + TimeSpan.FromDays(options.Value.NoCheckInAlertDays)));
        }

        if (added.Count > 0)
        {
            await schedule.AddAsync(added, cancellationToken);
        }
    }

    /// <summary>After the write: removes what the old state planned and the new does not. A failure is logged, not thrown: the write stands.</summary>
    public async Task CleanUpAsync(Prescription before, Prescription after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        try
        {
            var now = clock.GetUtcNow();
            var planned = (await PlanAsync(after, cancellationToken)).Select(Key).ToHashSet();
            var stale = (await PlanAsync(before, cancellationToken)).Where(m => m.DueAt > now && !planned.Contains(Key(m))).ToList();
            foreach (var message in stale)
            {
                await schedule.RemoveAsync(new PendingFollowUp(before.ClinicId, before.Id, message), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCleanUpFailed(logger, exception, after.Id);
        }
    }

    /// <summary>A check on whether the patient has checked in by <paramref name="dueAt"/>.</summary>
    public static PendingFollowUp Watch(Prescription prescription, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var message = new ScheduledFollowUp($"watch_{prescription.Id}_{dueAt.UtcTicks}", FollowUpKind.CheckInWatch, dueAt, DateOnly.FromDateTime(dueAt.UtcDateTime));
        return new PendingFollowUp(prescription.ClinicId, prescription.Id, message);
    }

    private static bool IsActivation(Prescription? before, Prescription after) =>
        after.Status == PrescriptionStatus.Active && before?.Status != PrescriptionStatus.Active && after.FollowUp is not null && after.ActivatedAt is not null;

    private static (string, DateTimeOffset) Key(ScheduledFollowUp message) => (message.Id, message.DueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing stale follow-ups of {PrescriptionId} failed; the sweep will drop them")]
    private static partial void LogCleanUpFailed(ILogger logger, Exception exception, string prescriptionId);
}
