using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Storage.Prescriptions;

/// <summary>Prescriptions in Table Storage. Writes that touch several rows are one batch transaction (same partition).</summary>
public sealed class TablePrescriptionRepository(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options) : IPrescriptionRepository
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task<Versioned<Prescription>> CreateAsync(Prescription prescription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return StorageCall.RunAsync(async () =>
        {
            await provisioning.EnsureCreatedAsync(cancellationToken);
            var entity = PrescriptionEntity.ToEntity(prescription);
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.Add, entity),
                new(TableTransactionActionType.Add, PrescriptionEntity.ToPatientIndexEntity(prescription)),
            ];
            try
            {
                var response = await table.SubmitTransactionAsync(batch, cancellationToken);
                return new Versioned<Prescription>(prescription, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (TableTransactionFailedException failed) when (failed.Status == 409)
            {
                throw new ConcurrencyConflictException($"Prescription {prescription.Id} already exists.", failed);
            }
        }, cancellationToken);
    }

    public Task<Versioned<Prescription>> ReplaceAsync(Prescription prescription, string ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return StorageCall.RunAsync(async () =>
        {
            await provisioning.EnsureCreatedAsync(cancellationToken);
            try
            {
                var response = await table.UpdateEntityAsync(PrescriptionEntity.ToEntity(prescription), new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken);
                return new Versioned<Prescription>(prescription, response.Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (RequestFailedException failed) when (failed.Status is 412 or 404)
            {
                throw new StaleVersionException($"Prescription {prescription.Id} changed since version {ifMatch}.", failed);
            }
        }, cancellationToken);
    }

    public Task<Versioned<Prescription>?> FindAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            await provisioning.EnsureCreatedAsync(cancellationToken);
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, PrescriptionEntity.RowKey(prescriptionId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity
                ? new Versioned<Prescription>(PrescriptionEntity.FromEntity(entity), entity.ETag.ToString())
                : null;
        }, cancellationToken);
}
