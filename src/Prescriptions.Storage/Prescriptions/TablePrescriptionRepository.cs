using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Worklist;
using Prescriptions.Storage.Worklist;

namespace Prescriptions.Storage.Prescriptions;

/// <summary>Prescriptions in Table Storage. Every change is one batch transaction within the clinic's partition.</summary>
public sealed class TablePrescriptionRepository(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options, AbandonedCreates? abandoned = null) : IPrescriptionRepository
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    /// <summary>
    /// The create's own mark on the prescription row. The SDK retries a batch whose answer was lost (a timeout, a reset
    /// connection) although storage may have committed it; the retry then conflicts with its own rows. A conflict whose
    /// stored row carries this create's token is that case, and the create succeeded.
    /// </summary>
    internal const string WriteTokenProperty = "CreateToken";

    public async Task<Versioned<Prescription>> CreateAsync(PrescriptionWrite write, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var prescription = write.Prescription;
        var writeToken = Guid.NewGuid().ToString("N");
        var row = ClinicPartitionLayout.ToEntity(prescription);
        row[WriteTokenProperty] = writeToken;
        var batch = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, row),
            new(TableTransactionActionType.Add, ClinicPartitionLayout.ToPatientEntity(prescription)),
        };
        if (prescription.ExternalId is not null)
        {
            batch.Add(new(TableTransactionActionType.Add, ClinicPartitionLayout.ToExternalEntity(prescription)));
        }

        AddRecords(batch, write);
        if (write.Idempotency is { } idempotency)
        {
            batch.Add(new(TableTransactionActionType.Add, ClinicPartitionLayout.ToDocumentEntity(
                prescription.ClinicId, ClinicPartitionLayout.IdempotencyKey(idempotency.Caller, idempotency.Key), "idempotency", idempotency)));
        }

        batch.AddRange(WorklistRows.Added(worklist));

        try
        {
            return await SubmitCreateAsync(batch, prescription, writeToken, cancellationToken);
        }
        catch (Exception exception) when (abandoned is not null && write.Idempotency is null && IsOutcomeUnknown(exception))
        {
            // The caller hears 503; storage may still commit the batch it was sent. Withdraw it if it does.
            abandoned.Watch(prescription.ClinicId, prescription.Id, writeToken, [.. batch.Select(action => (TableEntity)action.Entity)]);
            throw;
        }
    }

    /// <summary>A failure after which the batch may or may not have been committed: the budget ran out, or storage stopped answering.</summary>
    private static bool IsOutcomeUnknown(Exception exception) => exception is OperationCanceledException or StorageUnavailableException;

    private Task<Versioned<Prescription>> SubmitCreateAsync(List<TableTransactionAction> batch, Prescription prescription, string writeToken, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            try
            {
                var response = await table.SubmitTransactionAsync(batch, cancellationToken);
                return new Versioned<Prescription>(prescription, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (TableTransactionFailedException failed) when (failed.Status == 409)
            {
                var stored = await table.GetEntityIfExistsAsync<TableEntity>(prescription.ClinicId, ClinicPartitionLayout.RowKey(prescription.Id), cancellationToken: cancellationToken);
                if (stored.HasValue && stored.Value is { } mine && mine.GetString(WriteTokenProperty) == writeToken)
                {
                    return new Versioned<Prescription>(prescription, mine.ETag.ToString());
                }

                throw new ConcurrencyConflictException($"Prescription {prescription.Id} or its idempotency key already exists.", failed);
            }
        }, cancellationToken);

    public async Task<Versioned<Prescription>> ReplaceAsync(PrescriptionWrite write, string ifMatch, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var prescription = write.Prescription;
        var batch = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ClinicPartitionLayout.ToEntity(prescription), new ETag(ifMatch)),
            new(TableTransactionActionType.UpsertReplace, ClinicPartitionLayout.ToPatientEntity(prescription)),
        };
        if (prescription.ExternalId is not null)
        {
            batch.Add(new(TableTransactionActionType.UpsertReplace, ClinicPartitionLayout.ToExternalEntity(prescription)));
        }

        AddRecords(batch, write);
        var worklistFrom = batch.Count;
        batch.AddRange(await StorageCall.RunAsync(provisioning, () => WorklistRows.InStepAsync(table, worklist, cancellationToken), cancellationToken));

        // A worklist line changed meanwhile (a check-in, an acknowledgement) is a change since the version read, too.
        return await SubmitAsync(batch, prescription, failed => failed.Status is 412 or 404 || failed.FailedTransactionActionIndex == 0 || WorklistRows.FailedOnWorklist(failed, worklistFrom)
            ? new StaleVersionException($"Prescription {prescription.Id} changed since version {ifMatch}.", failed)
            : null, cancellationToken);
    }

    public Task<Versioned<Prescription>?> FindAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, ClinicPartitionLayout.RowKey(prescriptionId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity
                ? new Versioned<Prescription>(ClinicPartitionLayout.FromEntity<Prescription>(entity), entity.ETag.ToString())
                : null;
        }, cancellationToken);

    public Task<ResultPage<Prescription>> ListByPatientAsync(string clinicId, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PageAsync<Prescription>(clinicId, ClinicPartitionLayout.PatientPrefix(patientId), pageSize, continuationToken, cancellationToken);

    public async Task<IReadOnlyList<Prescription>> FindByExternalIdAsync(string clinicId, string externalId, CancellationToken cancellationToken)
    {
        var page = await PageAsync<Prescription>(clinicId, ClinicPartitionLayout.ExternalPrefix(externalId), 200, null, cancellationToken);
        return page.Items;
    }

    public Task<ResultPage<AuditEntry>> HistoryAsync(string clinicId, string prescriptionId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PageAsync<AuditEntry>(clinicId, ClinicPartitionLayout.AuditPrefix(prescriptionId), pageSize, continuationToken, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string clinicId, string caller, string key, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, ClinicPartitionLayout.IdempotencyKey(caller, key), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity ? ClinicPartitionLayout.FromEntity<IdempotencyRecord>(entity) : null;
        }, cancellationToken);

    public Task AddMeasurementAsync(string clinicId, string prescriptionId, Measurement measurement, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(audit);
        var rowKey = $"{ClinicPartitionLayout.MeasurementPrefix(prescriptionId)}{ClinicPartitionLayout.Newest(measurement.RecordedAt)}|{Guid.NewGuid():N}";
        List<TableTransactionAction> batch =
        [
            new(TableTransactionActionType.Add, ClinicPartitionLayout.ToDocumentEntity(clinicId, rowKey, "measurement", measurement)),
            new(TableTransactionActionType.Add, AuditEntity(clinicId, audit)),
        ];
        return StorageCall.RunAsync(provisioning, async () =>
        {
            batch.AddRange(await WorklistRows.InStepAsync(table, worklist, cancellationToken));
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException failed) when (WorklistRows.FailedOnWorklist(failed, 2))
            {
                throw new ConcurrencyConflictException($"Prescription {prescriptionId} changed meanwhile; try again.", failed);
            }
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Measurement>> MeasurementsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement>();
        string? token = null;
        do
        {
            var page = await PageAsync<Measurement>(clinicId, ClinicPartitionLayout.MeasurementPrefix(prescriptionId), 200, token, cancellationToken);
            measurements.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return measurements;
    }

    private static void AddRecords(List<TableTransactionAction> batch, PrescriptionWrite write)
    {
        var clinicId = write.Prescription.ClinicId;
        batch.Add(new(TableTransactionActionType.Add, AuditEntity(clinicId, write.Audit)));
        foreach (var @event in write.Events)
        {
            batch.Add(new(TableTransactionActionType.Add, ClinicPartitionLayout.ToOutboxEntity(clinicId, @event)));
        }
    }

    private static TableEntity AuditEntity(string clinicId, AuditEntry audit) => ClinicPartitionLayout.ToAuditEntity(clinicId, audit);

    private Task<Versioned<Prescription>> SubmitAsync(
        List<TableTransactionAction> batch,
        Prescription prescription,
        Func<TableTransactionFailedException, Exception?> translate,
        CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            try
            {
                var response = await table.SubmitTransactionAsync(batch, cancellationToken);
                return new Versioned<Prescription>(prescription, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (TableTransactionFailedException failed) when (translate(failed) is { } translated)
            {
                throw translated;
            }
        }, cancellationToken);

    private Task<ResultPage<T>> PageAsync<T>(string clinicId, string prefix, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, () => TablePages.ReadAsync<T>(table, clinicId, prefix, pageSize, continuationToken, cancellationToken), cancellationToken);
}
