using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Ports;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Worklist;
using Prescriptions.Storage.Prescriptions;
using Prescriptions.Storage.Worklist;

namespace Prescriptions.Storage.FollowUps;

/// <summary>
/// Check-ins, alerts and message deliveries in the prescriptions table, in the clinic's partition, so that each is
/// written in one batch with the partner events (outbox rows) it causes.
/// </summary>
public sealed class TableFollowUpRecords(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options) : IFollowUpRecords
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task<bool> RecordCheckInAsync(string clinicId, string prescriptionId, CheckIn checkIn, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, AuditEntry audit, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(audit);
        var rowKey = ClinicPartitionLayout.CheckInPrefix(prescriptionId) + checkIn.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return StorageCall.RunAsync(provisioning, async () =>
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, rowKey, ["RowKey"], cancellationToken);
            var batch = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpsertReplace, ClinicPartitionLayout.ToDocumentEntity(clinicId, rowKey, "checkin", checkIn)),
                new(TableTransactionActionType.Add, ClinicPartitionLayout.ToAuditEntity(clinicId, audit)),
            };
            AddAlerts(batch, clinicId, alerts, events);
            await SubmitAsync(batch, worklist, cancellationToken);
            return existing.HasValue;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<CheckIn>> CheckInsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        ListAsync<CheckIn>(clinicId, ClinicPartitionLayout.CheckInPrefix(prescriptionId), cancellationToken);

    public Task RaiseAlertsAsync(string clinicId, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>();
        AddAlerts(batch, clinicId, alerts, events);
        return batch.Count == 0 ? Task.CompletedTask : StorageCall.RunAsync(provisioning, async () =>
        {
            await SubmitAsync(batch, worklist, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> AlertsAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken) =>
        [.. (await ListAsync<Alert>(clinicId, ClinicPartitionLayout.AlertPrefix(prescriptionId), cancellationToken)).OrderByDescending(a => a.RaisedAt)];

    public Task<FollowUpDelivery?> FindDeliveryAsync(string clinicId, string prescriptionId, string messageId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, ClinicPartitionLayout.FollowUpDeliveryKey(prescriptionId, messageId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity ? ClinicPartitionLayout.FromEntity<FollowUpDelivery>(entity) : null;
        }, cancellationToken);

    public Task RecordDeliveryAsync(string clinicId, string prescriptionId, FollowUpDelivery delivery, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var batch = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, ClinicPartitionLayout.ToDocumentEntity(
                clinicId, ClinicPartitionLayout.FollowUpDeliveryKey(prescriptionId, delivery.MessageId), "followUpDelivery", delivery)),
        };
        AddAlerts(batch, clinicId, alerts, events);
        return StorageCall.RunAsync(provisioning, async () =>
        {
            await SubmitAsync(batch, worklist, cancellationToken);
        }, cancellationToken);
    }

    private static void AddAlerts(List<TableTransactionAction> batch, string clinicId, IReadOnlyList<Alert> alerts, IReadOnlyList<PrescriptionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(events);

        // Add, not upsert: an alert id names its occasion, and an occasion raises one alert only.
        batch.AddRange(alerts.SelectMany(a => ClinicPartitionLayout.AlertEntities(clinicId, a))
            .Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity)));
        batch.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ClinicPartitionLayout.ToOutboxEntity(clinicId, e))));
    }

    /// <summary>Submits the batch with the worklist line's actions last (read here, just before, to know which rows exist).</summary>
    private async Task SubmitAsync(List<TableTransactionAction> batch, WorklistSummary? worklist, CancellationToken cancellationToken)
    {
        var worklistFrom = batch.Count;
        batch.AddRange(await WorklistRows.InStepAsync(table, worklist, cancellationToken));
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException failed) when (WorklistRows.FailedOnWorklist(failed, worklistFrom))
        {
            throw new ConcurrencyConflictException("The prescription's worklist line changed meanwhile; try again.", failed);
        }
        catch (TableTransactionFailedException failed) when (failed.Status == 409)
        {
            throw new ConcurrencyConflictException("An alert for this occasion was raised already.", failed);
        }
    }

    private Task<IReadOnlyList<T>> ListAsync<T>(string clinicId, string prefix, CancellationToken cancellationToken) =>
        StorageCall.RunAsync<IReadOnlyList<T>>(provisioning, async () =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {clinicId} and RowKey ge {prefix} and RowKey lt {ClinicPartitionLayout.RangeEnd(prefix)}");
            var items = new List<T>();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                items.Add(ClinicPartitionLayout.FromEntity<T>(entity));
            }

            return items;
        }, cancellationToken);
}
