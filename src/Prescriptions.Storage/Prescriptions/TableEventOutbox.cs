using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Storage.Prescriptions;

/// <summary>
/// The outbox rows (<c>outbox|{event id}</c>) that <see cref="TablePrescriptionRepository"/> writes with each change,
/// and the delivery log (<c>delivery|{event id}|{partner}|{attempt}</c>), in the clinic's partition of the same table.
/// Reads are range queries within one partition; every change of an outbox row is ETag-conditional.
/// </summary>
public sealed class TableEventOutbox(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options) : IEventOutbox
{
    private const string AttemptsProperty = "Attempts";
    private const string NextAttemptAtProperty = "NextAttemptAt";
    private const string DeliveredToProperty = "DeliveredTo";
    private const string DeadProperty = "Dead";

    /// <summary>The most operations one entity group transaction holds.</summary>
    private const int MaxTransaction = 100;

    // Dead rows are kept for inspection and never due again: Edm.DateTime cannot hold DateTimeOffset.MaxValue.
    private static readonly DateTimeOffset Never = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task<IReadOnlyList<OutboxEntry>> ListDueAsync(string clinicId, DateTimeOffset now, int maxCount, CancellationToken cancellationToken) =>
        StorageCall.RunAsync<IReadOnlyList<OutboxEntry>>(provisioning, async () =>
        {
            var prefix = ClinicPartitionLayout.OutboxPrefix;
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {clinicId} and RowKey ge {prefix} and RowKey lt {ClinicPartitionLayout.RangeEnd(prefix)} and NextAttemptAt le {now}");
            var due = new List<OutboxEntry>();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, Math.Min(maxCount, 1000), cancellationToken: cancellationToken))
            {
                if (entity.GetBoolean(DeadProperty) is not true)
                {
                    due.Add(ToEntry(entity));
                }

                if (due.Count >= maxCount)
                {
                    break;
                }
            }

            return due;
        }, cancellationToken);

    public Task<OutboxEntry?> TryClaimAsync(OutboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return StorageCall.RunAsync(async () =>
        {
            var etag = await TryUpdateAsync(entry, new() { [NextAttemptAtProperty] = leaseUntil }, cancellationToken);
            return etag is null ? null : entry with { NextAttemptAt = leaseUntil, ETag = etag };
        }, cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEntry>?> TryClaimAllAsync(IReadOnlyList<OutboxEntry> entries, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > MaxTransaction || entries.Any(e => e.Event.ClinicId != entries[0].Event.ClinicId))
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>?>(null);
        }

        var claims = entries.Select(entry => new TableTransactionAction(
            TableTransactionActionType.UpdateMerge,
            new TableEntity(entry.Event.ClinicId, ClinicPartitionLayout.OutboxKey(entry.Event.Id)) { [NextAttemptAtProperty] = leaseUntil },
            new ETag(entry.ETag))).ToList();
        return StorageCall.RunAsync<IReadOnlyList<OutboxEntry>?>(async () =>
        {
            try
            {
                var answers = (await table.SubmitTransactionAsync(claims, cancellationToken)).Value;
                return [.. entries.Select((entry, i) => entry with
                {
                    NextAttemptAt = leaseUntil,
                    ETag = answers[i].Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag for a claim."),
                })];
            }
            catch (TableTransactionFailedException failed) when (failed.Status is 404 or 412)
            {
                return null;
            }
        }, cancellationToken);
    }

    public Task<bool> TryRemoveAsync(OutboxEntry entry, IReadOnlyList<DeliveryAttempt> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(deliveries);
        var removal = new TableTransactionAction(
            TableTransactionActionType.Delete, new TableEntity(entry.Event.ClinicId, ClinicPartitionLayout.OutboxKey(entry.Event.Id)), new ETag(entry.ETag));
        return StorageCall.RunAsync(provisioning, async () =>
        {
            try
            {
                // The log rows and the outbox row share the clinic's partition: one transaction (an event has a few recipients, far below 100).
                await table.SubmitTransactionAsync([.. deliveries.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, DeliveryEntity(d))), removal], cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException failed) when (failed.Status is 404 or 412)
            {
                // Another sweep changed or removed the row first; the deliveries happened all the same.
                foreach (var delivery in deliveries)
                {
                    await table.UpsertEntityAsync(DeliveryEntity(delivery), TableUpdateMode.Replace, cancellationToken);
                }

                return false;
            }
        }, cancellationToken);
    }

    public Task<bool> TryRetryLaterAsync(OutboxEntry entry, int attempts, DateTimeOffset nextAttemptAt, IReadOnlyCollection<string> deliveredTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(deliveredTo);
        return StorageCall.RunAsync(async () => await TryUpdateAsync(entry, new()
        {
            [AttemptsProperty] = attempts,
            [NextAttemptAtProperty] = nextAttemptAt,
            [DeliveredToProperty] = string.Join(',', deliveredTo),
        }, cancellationToken) is not null, cancellationToken);
    }

    public Task<bool> TryMarkDeadAsync(OutboxEntry entry, int attempts, IReadOnlyCollection<string> deliveredTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(deliveredTo);
        return StorageCall.RunAsync(async () => await TryUpdateAsync(entry, new()
        {
            [AttemptsProperty] = attempts,
            [NextAttemptAtProperty] = Never,
            [DeliveredToProperty] = string.Join(',', deliveredTo),
            [DeadProperty] = true,
        }, cancellationToken) is not null, cancellationToken);
    }

    public Task<OutboxEntry?> FindAsync(string clinicId, string eventId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(provisioning, async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(clinicId, ClinicPartitionLayout.OutboxKey(eventId), cancellationToken: cancellationToken);
            return response.HasValue && response.Value is { } entity ? ToEntry(entity) : null;
        }, cancellationToken);

    public Task RecordDeliveryAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return StorageCall.RunAsync(provisioning, async () =>
        {
            await table.UpsertEntityAsync(DeliveryEntity(attempt), TableUpdateMode.Replace, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryAttempt>> DeliveriesAsync(string clinicId, string eventId, CancellationToken cancellationToken) =>
        StorageCall.RunAsync<IReadOnlyList<DeliveryAttempt>>(provisioning, async () =>
        {
            var prefix = ClinicPartitionLayout.DeliveryPrefix(eventId);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {clinicId} and RowKey ge {prefix} and RowKey lt {ClinicPartitionLayout.RangeEnd(prefix)}");
            var attempts = new List<DeliveryAttempt>();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                attempts.Add(ClinicPartitionLayout.FromEntity<DeliveryAttempt>(entity));
            }

            return attempts;
        }, cancellationToken);

    /// <summary>Merges <paramref name="changes"/> into the row if it is still at the entry's ETag; the new ETag, or <see langword="null"/>.</summary>
    private async Task<string?> TryUpdateAsync(OutboxEntry entry, Dictionary<string, object?> changes, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(entry.Event.ClinicId, ClinicPartitionLayout.OutboxKey(entry.Event.Id));
        foreach (var (name, value) in changes)
        {
            entity[name] = value;
        }

        try
        {
            var response = await table.UpdateEntityAsync(entity, new ETag(entry.ETag), TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
        }
        catch (RequestFailedException failed) when (failed.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// A delivery's log row. Written as an upsert: a sweep that crashed before rescheduling repeats the attempt number,
    /// and its record replaces the first.
    /// </summary>
    private static TableEntity DeliveryEntity(DeliveryAttempt attempt)
    {
        var entity = ClinicPartitionLayout.ToDocumentEntity(
            attempt.ClinicId, $"{ClinicPartitionLayout.DeliveryPrefix(attempt.EventId)}{attempt.Partner}|{attempt.Attempt:D3}", "delivery", attempt);
        entity["Succeeded"] = attempt.Succeeded;
        entity["StatusCode"] = attempt.StatusCode;
        return entity;
    }

    private static OutboxEntry ToEntry(TableEntity entity) => new(
        ClinicPartitionLayout.FromEntity<PrescriptionEvent>(entity),
        entity.GetInt32(AttemptsProperty) ?? 0,
        entity.GetDateTimeOffset(NextAttemptAtProperty) ?? DateTimeOffset.MinValue,
        entity.GetString(DeliveredToProperty)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        entity.ETag.ToString());
}
