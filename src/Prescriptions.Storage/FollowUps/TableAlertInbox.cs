using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Alerts;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Worklist;
using Prescriptions.Storage.Prescriptions;
using Prescriptions.Storage.Worklist;

namespace Prescriptions.Storage.FollowUps;

/// <summary>
/// The clinic's alerts inbox over the index rows <see cref="ClinicPartitionLayout.AlertEntities"/> writes with each alert: a
/// page is one range query of <c>alerts|{status}|</c> (or <c>alertsk|{status}|{kind}|</c>), never a partition scan.
/// </summary>
public sealed class TableAlertInbox(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options) : IAlertInbox
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task<ResultPage<Alert>> ListAsync(string clinicId, AlertStatus status, AlertKind? kind, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var prefix = kind is { } only ? ClinicPartitionLayout.AlertKindPrefix(status, only) : ClinicPartitionLayout.AlertStatusPrefix(status);
        return StorageCall.RunAsync(provisioning, () => TablePages.ReadAsync<Alert>(table, clinicId, prefix, pageSize, continuationToken, cancellationToken), cancellationToken);
    }

    public Task<Alert?> FindAsync(string clinicId, string alertId, CancellationToken cancellationToken) =>
        !Alert.IsWellFormedId(alertId) ? Task.FromResult<Alert?>(null) : StorageCall.RunAsync(provisioning, async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, ClinicPartitionLayout.AlertRefKey(alertId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity ? ClinicPartitionLayout.FromEntity<Alert>(entity) : null;
        }, cancellationToken);

    public Task AcknowledgeAsync(string clinicId, Alert open, Alert acknowledged, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(acknowledged);
        ArgumentNullException.ThrowIfNull(audit);
        var batch = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ClinicPartitionLayout.ToDocumentEntity(clinicId, ClinicPartitionLayout.AlertPrefix(acknowledged.PrescriptionId) + acknowledged.Id, "alert", acknowledged)),
            new(TableTransactionActionType.UpdateReplace, ClinicPartitionLayout.ToDocumentEntity(clinicId, ClinicPartitionLayout.AlertRefKey(acknowledged.Id), "alertIndex", acknowledged)),
            new(TableTransactionActionType.Add, ClinicPartitionLayout.ToAuditEntity(clinicId, audit)),
        };

        // Deleting the open index rows fails the batch when someone acknowledged it meanwhile: one acknowledgement stands.
        batch.AddRange(ClinicPartitionLayout.IndexKeys(open).Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(clinicId, key), ETag.All)));
        batch.AddRange(ClinicPartitionLayout.IndexKeys(acknowledged).Select(key =>
            new TableTransactionAction(TableTransactionActionType.Add, ClinicPartitionLayout.ToDocumentEntity(clinicId, key, "alertIndex", acknowledged))));
        return StorageCall.RunAsync(provisioning, async () =>
        {
            batch.AddRange(await WorklistRows.InStepAsync(table, worklist, cancellationToken));
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException failed) when (failed.Status is 404 or 409 or 412 && !TableProvisioning.IsTableNotFound(failed))
            {
                // The alert acknowledged meanwhile, or its worklist line changed by another write: the use case reads again.
                throw new ConcurrencyConflictException("The alert was acknowledged meanwhile.", failed);
            }
        }, cancellationToken);
    }
}
