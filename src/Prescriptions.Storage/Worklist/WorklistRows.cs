using Azure;
using Azure.Data.Tables;
using Prescriptions.Domain.Worklist;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Worklist;

/// <summary>
/// The batch actions that keep a prescription's worklist rows in step with a write: the rows the new summary has are
/// written, those the stored one had and the new one has not (another status, attention ended) are deleted. The main row
/// is written on the condition that it is still the one read, so two writes racing over one line cannot both win.
/// </summary>
internal static class WorklistRows
{
    /// <summary>The rows of a prescription's first summary: nothing of it is stored yet.</summary>
    public static IEnumerable<TableTransactionAction> Added(WorklistSummary? summary) => summary is null
        ? []
        : ClinicPartitionLayout.WorklistKeys(summary).Select(key => new TableTransactionAction(TableTransactionActionType.Add, ClinicPartitionLayout.ToWorklistEntity(summary, key)));

    /// <summary>The actions for a later write: one point read of the main row, then upserts and deletes (none for a null summary).</summary>
    public static async Task<IReadOnlyList<TableTransactionAction>> InStepAsync(TableClient table, WorklistSummary? summary, CancellationToken cancellationToken)
    {
        if (summary is null)
        {
            return [];
        }

        var mainKey = ClinicPartitionLayout.WorklistKey(summary);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(summary.ClinicId, mainKey, cancellationToken: cancellationToken);
        var keys = ClinicPartitionLayout.WorklistKeys(summary).ToList();
        var actions = new List<TableTransactionAction>
        {
            stored.HasValue && stored.Value is { } main
                ? new(TableTransactionActionType.UpdateReplace, ClinicPartitionLayout.ToWorklistEntity(summary, mainKey), main.ETag)
                : new(TableTransactionActionType.Add, ClinicPartitionLayout.ToWorklistEntity(summary, mainKey)),
        };
        actions.AddRange(keys.Skip(1).Select(key => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ClinicPartitionLayout.ToWorklistEntity(summary, key))));

        // Rows written before worklists existed have no main row, and then no other rows either: nothing to delete.
        if (stored.HasValue && stored.Value is { } previous)
        {
            actions.AddRange(ClinicPartitionLayout.WorklistKeys(ClinicPartitionLayout.FromEntity<WorklistSummary>(previous))
                .Except(keys, StringComparer.Ordinal)
                .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(summary.ClinicId, key), ETag.All)));
        }

        return actions;
    }

    /// <summary>Whether a failed batch failed on one of the worklist actions appended from <paramref name="firstIndex"/> on.</summary>
    public static bool FailedOnWorklist(TableTransactionFailedException failed, int firstIndex)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed.FailedTransactionActionIndex is { } index && index >= firstIndex;
    }
}
