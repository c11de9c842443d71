using Azure.Data.Tables;

namespace Prescriptions.LoadHarness;

/// <summary>
/// Storage without the API: the same rows a create writes (copied from a real create, with fresh ids) in one batch, and
/// a point read of a prescription row, from this process straight to Azurite. The copies go to the same table under a
/// partition of their own that no relay sweeps (<see cref="CopyPartition"/>), so the partner receives only the API's
/// events, as it would in production, and the relay's work is the API's alone.
/// </summary>
internal sealed class RawStore(TableClient table, string clinicId, IReadOnlyList<TableEntity> template, string templateId, IReadOnlyList<string> templateEventIds)
{
    /// <summary>The partition the copies are written to: a clinic no partner or alert address subscribes to.</summary>
    public string CopyPartition => clinicId + "-raw-copies";

    /// <summary>Reads every row a create wrote (its id or its event ids in the row key) to copy them.</summary>
    public static async Task<RawStore> CopyAsync(TableClient table, string clinicId, string prescriptionId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == clinicId))
        {
            if (row.RowKey.Contains(prescriptionId, StringComparison.Ordinal) || row.RowKey.StartsWith("outbox|", StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        var eventIds = rows.Where(r => r.RowKey.StartsWith("outbox|", StringComparison.Ordinal)).Select(r => r.RowKey["outbox|".Length..]).ToList();
        return new RawStore(table, clinicId, rows, prescriptionId, eventIds);
    }

    /// <summary>The event ids the copies were given: their deliveries are not the API's.</summary>
    public HashSet<string> CopiedEventIds { get; } = [];

    public int RowsPerCreate => template.Count;

    /// <summary>The rows of one more create, with fresh ids (prepared before the batch is timed: it is not storage's work).</summary>
    public IReadOnlyList<TableTransactionAction> NextBatch()
    {
        var id = "rx-" + Guid.NewGuid().ToString("N");
        var eventIds = templateEventIds.ToDictionary(e => e, _ => "evt_" + Guid.NewGuid().ToString("N"));
        lock (CopiedEventIds)
        {
            CopiedEventIds.UnionWith(eventIds.Values);
        }

        string Fresh(string text) => eventIds.Aggregate(text.Replace(templateId, id, StringComparison.Ordinal), (t, e) => t.Replace(e.Key, e.Value, StringComparison.Ordinal));
        return [.. template.Select(row =>
        {
            var copy = new TableEntity(CopyPartition, Fresh(row.RowKey));
            foreach (var (name, value) in row)
            {
                if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    copy[name] = value is string text ? Fresh(text) : value;
                }
            }

            // As a create writes it: due now, never tried (the template may have been claimed by the relay meanwhile).
            if (copy.ContainsKey("NextAttemptAt"))
            {
                copy["NextAttemptAt"] = DateTimeOffset.UtcNow;
                copy["Attempts"] = 0;
            }

            return new TableTransactionAction(TableTransactionActionType.Add, copy);
        })];
    }

    public async Task<bool> CreateAsync(IReadOnlyList<TableTransactionAction> batch)
    {
        var response = await table.SubmitTransactionAsync(batch);
        return response.Value.Count == batch.Count;
    }

    public async Task<bool> ReadAsync(string prescriptionId)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, $"rx|{prescriptionId}");
        return row.HasValue;
    }
}
