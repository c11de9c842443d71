using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Alerts;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.FollowUps;

/// <summary>
/// The clinic's alerts inbox over the index rows <see cref="ClinicPartitionLayout.AlertEntities"/> writes with each alert: a
/// page is one range query of <c>alerts|{status}|</c> (or <c>alertsk|{status}|{kind}|</c>), never a partition scan.
/// </summary>
public sealed class TableAlertInbox(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options) : IAlertInbox
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task<ResultPage<Alert>> ListAsync(string clinicId, AlertStatus status, AlertKind? kind, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            await provisioning.EnsureCreatedAsync(cancellationToken);
            var prefix = kind is { } only ? ClinicPartitionLayout.AlertKindPrefix(status, only) : ClinicPartitionLayout.AlertStatusPrefix(status);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {clinicId} and RowKey ge {prefix} and RowKey lt {ClinicPartitionLayout.RangeEnd(prefix)}");
            string? sdkToken;
            try
            {
                sdkToken = continuationToken is null ? null : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuationToken));
            }
            catch (FormatException exception)
            {
                throw new InvalidContinuationTokenException("The continuation token is not one this API issued.", exception);
            }

            try
            {
                await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(sdkToken, pageSize))
                {
                    var next = page.ContinuationToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page.ContinuationToken));
                    return new ResultPage<Alert>([.. page.Values.Select(ClinicPartitionLayout.FromEntity<Alert>)], next);
                }
            }
            catch (RequestFailedException failed) when (failed.Status == 400 && sdkToken is not null)
            {
                throw new InvalidContinuationTokenException("Storage refused the continuation token.", failed);
            }

            return new ResultPage<Alert>([], null);
        }, cancellationToken);

    public Task<Alert?> FindAsync(string clinicId, string alertId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            if (!Alert.IsWellFormedId(alertId))
            {
                return null;
            }

            await provisioning.EnsureCreatedAsync(cancellationToken);
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, ClinicPartitionLayout.AlertRefKey(alertId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity ? ClinicPartitionLayout.FromEntity<Alert>(entity) : null;
        }, cancellationToken);

    public Task AcknowledgeAsync(string clinicId, Alert open, Alert acknowledged, AuditEntry audit, CancellationToken cancellationToken)
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
        return StorageCall.RunAsync(async () =>
        {
            await provisioning.EnsureCreatedAsync(cancellationToken);
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException failed) when (failed.Status is 404 or 409 or 412)
            {
                throw new ConcurrencyConflictException("The alert was acknowledged meanwhile.", failed);
            }
        }, cancellationToken);
    }
}
