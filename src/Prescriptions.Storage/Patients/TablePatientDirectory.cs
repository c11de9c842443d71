using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Patients;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Patients;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Patients;

/// <summary>
/// Registered patients in the clinic partition, each written with its index rows in one batch
/// (<see cref="PatientPartitionLayout"/>): a search page is one range query of <c>pname|{prefix}</c>, never a scan.
/// </summary>
public sealed class TablePatientDirectory(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options) : IPatientDirectory
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task<Versioned<Patient>> CreateAsync(Patient patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Add, PatientPartitionLayout.PatientEntity(patient)) };
        batch.AddRange(PatientPartitionLayout.NameEntities(patient).Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        if (patient.ExternalId is not null)
        {
            batch.Add(new(TableTransactionActionType.Add, PatientPartitionLayout.ExternalEntity(patient)));
        }

        return SubmitAsync(patient, batch, cancellationToken);
    }

    public Task<Versioned<Patient>?> FindAsync(string clinicId, string patientId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, PatientPartitionLayout.PatientKey(patientId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity
                ? new Versioned<Patient>(ClinicPartitionLayout.FromEntity<Patient>(entity), entity.ETag.ToString())
                : null;
        }, cancellationToken);

    public Task<Versioned<Patient>> ReplaceAsync(Versioned<Patient> stored, Patient updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(updated);
        var before = stored.Value;
        var batch = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, PatientPartitionLayout.PatientEntity(updated), new ETag(stored.ETag)) };
        var kept = updated.NameTokens.ToHashSet(StringComparer.Ordinal);
        batch.AddRange(before.NameTokens.Where(token => !kept.Contains(token)).Select(token =>
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(before.ClinicId, PatientPartitionLayout.NameKey(token, before.Id)), ETag.All)));
        batch.AddRange(PatientPartitionLayout.NameEntities(updated).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        if (before.ExternalId is { } oldExternalId && oldExternalId != updated.ExternalId)
        {
            batch.Add(new(TableTransactionActionType.Delete, new TableEntity(before.ClinicId, PatientPartitionLayout.ExternalKey(oldExternalId)), ETag.All));
        }

        if (updated.ExternalId is { } externalId)
        {
            // Add claims a new EHR id (a duplicate fails the batch); the patient's own one is brought up to date.
            batch.Add(new(externalId == before.ExternalId ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, PatientPartitionLayout.ExternalEntity(updated)));
        }

        return SubmitAsync(updated, batch, cancellationToken);
    }

    public Task<ResultPage<Patient>> SearchAsync(string clinicId, PatientNameQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to) = PatientPartitionLayout.NameRange(query.RangeToken);
        return StorageCall.RunAsync(provisioning, async () =>
        {
            var (rows, next) = await TablePages.ReadRangeAsync(table, clinicId, from, to, null, pageSize, continuationToken, cancellationToken);
            var matches = rows
                .Select(row => (Patient: ClinicPartitionLayout.FromEntity<Patient>(row), Token: row.GetString(PatientPartitionLayout.TokenProperty)))
                .Where(match => query.Selects(match.Patient, match.Token))
                .Select(match => match.Patient);
            return new ResultPage<Patient>([.. matches], next);
        }, cancellationToken);
    }

    public Task<Patient?> FindByExternalIdAsync(string clinicId, string externalId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, PatientPartitionLayout.ExternalKey(externalId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity ? ClinicPartitionLayout.FromEntity<Patient>(entity) : null;
        }, cancellationToken);

    private Task<Versioned<Patient>> SubmitAsync(Patient patient, List<TableTransactionAction> batch, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            try
            {
                var response = await table.SubmitTransactionAsync(batch, cancellationToken);
                return new Versioned<Patient>(patient, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (TableTransactionFailedException failed) when (!TableProvisioning.IsTableNotFound(failed) && failed.Status is 404 or 409 or 412)
            {
                // Only an Add fails with 409 (the EHR id, or a create's id); the conditional replace fails with 412, a stale index row with 404.
                throw failed.Status == 409
                    ? new ConcurrencyConflictException($"The EHR id of patient {patient.Id} names another patient.", failed)
                    : new StaleVersionException($"Patient {patient.Id} changed since it was read.", failed);
            }
        }, cancellationToken);
}
