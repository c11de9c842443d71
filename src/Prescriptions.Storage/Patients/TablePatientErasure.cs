using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Patients;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Patients;

/// <summary>
/// Erases a patient in steps that each leave a state the next call resumes from: (1) one batch marks the erasure
/// (<c>erasing|</c>) and removes the patient and its search rows; (2) each prescription found through its
/// <c>patient|</c> index row loses everything about it (in batches of up to 100, then the rows that may or may not
/// exist one by one, then its follow-up schedule), and last its <c>patient|</c> row with the marker's counts in one
/// batch, so an interrupted prescription is found again; (3) one batch writes the tombstone and removes the marker.
/// </summary>
public sealed class TablePatientErasure(
    TableServiceClient tables,
    IOptions<PrescriptionStorageOptions> options,
    IOptions<FollowUpOptions> followUps,
    TimeProvider clock) : IPatientErasure
{
    private const int MaxBatch = 100;
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));
    private readonly TableClient schedule = tables.GetTableClient(followUps.Value.TableName);
    private readonly TableProvisioning scheduleProvisioning = new(tables.GetTableClient(followUps.Value.TableName));

    public Task<bool> HoldsAnythingAsync(string clinicId, string patientId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
            await ExistsAsync(clinicId, PatientPartitionLayout.PatientKey(patientId), cancellationToken)
            || await ExistsAsync(clinicId, PatientPartitionLayout.ErasingKey(patientId), cancellationToken)
            || (await KeysAsync(clinicId, ClinicPartitionLayout.PatientPrefix(patientId), cancellationToken)).Count > 0, cancellationToken);

    public Task<ErasureTombstone> EraseAsync(string clinicId, PatientErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        return StorageCall.RunAsync(provisioning, async () =>
        {
            var marker = await BeginAsync(clinicId, erasure, cancellationToken);
            while (await NextPrescriptionAsync(clinicId, marker.PatientId, cancellationToken) is var (prescription, indexKey))
            {
                marker = await ErasePrescriptionAsync(clinicId, marker, prescription, indexKey, cancellationToken);
            }

            var tombstone = marker.Tombstone(clock.GetUtcNow());
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpsertReplace, ClinicPartitionLayout.ToDocumentEntity(clinicId, PatientPartitionLayout.ErasedKey(tombstone), "erasureTombstone", tombstone)),
                new(TableTransactionActionType.Delete, new TableEntity(clinicId, PatientPartitionLayout.ErasingKey(marker.PatientId)), ETag.All),
            ], cancellationToken);
            return tombstone;
        }, cancellationToken);
    }

    /// <summary>The erasure under way, or this one begun: marked, with the patient and its search rows gone in the same batch.</summary>
    private async Task<PatientErasure> BeginAsync(string clinicId, PatientErasure erasure, CancellationToken cancellationToken)
    {
        var markerKey = PatientPartitionLayout.ErasingKey(erasure.PatientId);
        var underWay = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, markerKey, cancellationToken: cancellationToken);
        if (underWay.HasValue && underWay.Value is { } found)
        {
            return ClinicPartitionLayout.FromEntity<PatientErasure>(found);
        }

        var registered = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, PatientPartitionLayout.PatientKey(erasure.PatientId), cancellationToken: cancellationToken);
        var keys = registered.HasValue && registered.Value is { } row
            ? PatientPartitionLayout.IndexKeys(ClinicPartitionLayout.FromEntity<Patient>(row)).Prepend(row.RowKey).ToList()
            : [];
        var marker = erasure.Counted(0, keys.Count);
        var batch = keys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(clinicId, key), ETag.All)).ToList();
        batch.Add(new(TableTransactionActionType.Add, ClinicPartitionLayout.ToDocumentEntity(clinicId, markerKey, "erasing", marker)));
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
            return marker;
        }
        catch (TableTransactionFailedException failed) when (failed.Status is 404 or 409 && !TableProvisioning.IsTableNotFound(failed))
        {
            // A concurrent request began the same erasure first: carry on with its marker.
            var theirs = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, markerKey, cancellationToken: cancellationToken);
            if (theirs.HasValue && theirs.Value is { } begun)
            {
                return ClinicPartitionLayout.FromEntity<PatientErasure>(begun);
            }

            throw;
        }
    }

    private async Task<(Prescription Prescription, string IndexKey)?> NextPrescriptionAsync(string clinicId, string patientId, CancellationToken cancellationToken)
    {
        var prefix = ClinicPartitionLayout.PatientPrefix(patientId);
        var (rows, _) = await TablePages.ReadRangeAsync(table, clinicId, prefix, ClinicPartitionLayout.RangeEnd(prefix), null, 1, null, cancellationToken);
        return rows.Count == 0 ? null : (ClinicPartitionLayout.FromEntity<Prescription>(rows[0]), rows[0].RowKey);
    }

    private async Task<PatientErasure> ErasePrescriptionAsync(string clinicId, PatientErasure marker, Prescription prescription, string indexKey, CancellationToken cancellationToken)
    {
        var id = prescription.Id;
        var certain = new List<string>();
        foreach (var prefix in new[]
        {
            ClinicPartitionLayout.AuditPrefix(id), ClinicPartitionLayout.MeasurementPrefix(id), ClinicPartitionLayout.CheckInPrefix(id), ClinicPartitionLayout.FollowUpDeliveryKey(id, string.Empty),
        })
        {
            certain.AddRange(await KeysAsync(clinicId, prefix, cancellationToken));
        }

        // Index rows of an alert in either status, and rows another change may not have written: deleted if they exist.
        var uncertain = new List<string> { ClinicPartitionLayout.RowKey(id) };
        if (prescription.ExternalId is { } externalId)
        {
            uncertain.Add($"{ClinicPartitionLayout.ExternalPrefix(externalId)}{ClinicPartitionLayout.Newest(prescription.CreatedAt)}|{id}");
        }

        // The worklist line's main row names its other rows (status, attention, patient), as every write reads it.
        var line = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, ClinicPartitionLayout.WorklistKey(id, prescription.CreatedAt), cancellationToken: cancellationToken);
        if (line.HasValue && line.Value is { } main)
        {
            certain.AddRange(ClinicPartitionLayout.WorklistKeys(ClinicPartitionLayout.FromEntity<Domain.Worklist.WorklistSummary>(main)));
        }
        foreach (var row in await RowsAsync(clinicId, ClinicPartitionLayout.AlertPrefix(id), cancellationToken))
        {
            var alert = ClinicPartitionLayout.FromEntity<Alert>(row);
            certain.Add(row.RowKey);
            uncertain.Add(ClinicPartitionLayout.AlertRefKey(alert.Id));
            uncertain.AddRange(Enum.GetValues<AlertStatus>().SelectMany(status => ClinicPartitionLayout.IndexKeys(alert with { Status = status })));
        }

        foreach (var row in await RowsAsync(clinicId, ClinicPartitionLayout.OutboxPrefix, cancellationToken))
        {
            var @event = ClinicPartitionLayout.FromEntity<PrescriptionEvent>(row);
            if (@event.PrescriptionId == id)
            {
                certain.Add(row.RowKey);
                certain.AddRange(await KeysAsync(clinicId, ClinicPartitionLayout.DeliveryPrefix(@event.Id), cancellationToken));
            }
        }

        foreach (var row in await RowsAsync(clinicId, "idem|", cancellationToken))
        {
            if (ClinicPartitionLayout.FromEntity<IdempotencyRecord>(row).PrescriptionId == id)
            {
                certain.Add(row.RowKey);
            }
        }

        var deleted = 0;
        foreach (var chunk in certain.Distinct(StringComparer.Ordinal).Chunk(MaxBatch))
        {
            deleted += await DeleteAllAsync(clinicId, chunk, cancellationToken);
        }

        foreach (var key in uncertain.Distinct(StringComparer.Ordinal).Except(certain, StringComparer.Ordinal))
        {
            deleted += await DeleteIfExistsAsync(table, clinicId, key, cancellationToken) ? 1 : 0;
        }

        deleted += await EraseScheduleAsync(clinicId, id, cancellationToken);

        // Last, the row that finds this prescription, with the counts: an interruption before here finds it again.
        var counted = marker.Counted(1, deleted + 1);
        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Delete, new TableEntity(clinicId, indexKey), ETag.All),
            new(TableTransactionActionType.UpsertReplace, ClinicPartitionLayout.ToDocumentEntity(clinicId, PatientPartitionLayout.ErasingKey(marker.PatientId), "erasing", counted)),
        ], cancellationToken);
        return counted;
    }

    /// <summary>The prescription's messages in the follow-up schedule (another table, bucketed by hour: found by a filter, as erasures are rare).</summary>
    private Task<int> EraseScheduleAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        scheduleProvisioning.RunAsync(async () =>
        {
            var deleted = 0;
            var filter = TableClient.CreateQueryFilter($"ClinicId eq {clinicId} and PrescriptionId eq {prescriptionId}");
            await foreach (var row in schedule.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                deleted += await DeleteIfExistsAsync(schedule, row.PartitionKey, row.RowKey, cancellationToken) ? 1 : 0;
            }

            return deleted;
        }, cancellationToken);

    /// <summary>Deletes rows read a moment ago in one batch; when one has gone meanwhile (a concurrent erasure), one by one.</summary>
    private async Task<int> DeleteAllAsync(string clinicId, string[] keys, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(keys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(clinicId, key), ETag.All)), cancellationToken);
            return keys.Length;
        }
        catch (TableTransactionFailedException failed) when (failed.Status == 404 && !TableProvisioning.IsTableNotFound(failed))
        {
            var deleted = 0;
            foreach (var key in keys)
            {
                deleted += await DeleteIfExistsAsync(table, clinicId, key, cancellationToken) ? 1 : 0;
            }

            return deleted;
        }
    }

    private static async Task<bool> DeleteIfExistsAsync(TableClient client, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status == 404 && !TableProvisioning.IsTableNotFound(failed))
        {
            return false;
        }
    }

    private async Task<bool> ExistsAsync(string clinicId, string rowKey, CancellationToken cancellationToken) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(clinicId, rowKey, ["RowKey"], cancellationToken)).HasValue;

    private async Task<IReadOnlyList<string>> KeysAsync(string clinicId, string prefix, CancellationToken cancellationToken) =>
        [.. (await QueryAsync(clinicId, prefix, ["RowKey"], cancellationToken)).Select(row => row.RowKey)];

    private Task<IReadOnlyList<TableEntity>> RowsAsync(string clinicId, string prefix, CancellationToken cancellationToken) =>
        QueryAsync(clinicId, prefix, null, cancellationToken);

    private async Task<IReadOnlyList<TableEntity>> QueryAsync(string clinicId, string prefix, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {clinicId} and RowKey ge {prefix} and RowKey lt {ClinicPartitionLayout.RangeEnd(prefix)}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
