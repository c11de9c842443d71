using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Storage.FollowUps;

/// <summary>
/// Follow-ups in time buckets: PartitionKey is the UTC hour the message is due (<c>yyyyMMddHH</c>), RowKey the due
/// instant's ticks and the message id. A sweep queries the buckets of the lookback window up to now with
/// RowKey &lt;= now, so it reads the due messages and nothing else, however large the schedule.
/// </summary>
public sealed class TableFollowUpSchedule(TableServiceClient tables, IOptions<FollowUpStorageOptions> options) : IFollowUpSchedule
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task AddAsync(IReadOnlyList<PendingFollowUp> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return StorageCall.RunAsync(async () =>
        {
            await provisioning.EnsureCreatedAsync(cancellationToken);

            // A batch shares one partition and holds at most 100 operations.
            foreach (var bucket in messages.GroupBy(m => Bucket(m.Message.DueAt)))
            {
                foreach (var chunk in bucket.Chunk(100))
                {
                    var actions = chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertMerge, ToEntity(m))).ToList();
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                }
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PendingFollowUp>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        StorageCall.RunAsync<IReadOnlyList<PendingFollowUp>>(async () =>
        {
            await provisioning.EnsureCreatedAsync(cancellationToken);
            var due = new List<PendingFollowUp>();
            var upTo = RowKeyLimit(now);
            var first = (now - options.Value.Lookback).ToUniversalTime();
            for (var hour = new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, 0, 0, TimeSpan.Zero); hour <= now && due.Count < max; hour = hour.AddHours(1))
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Bucket(hour)} and RowKey le {upTo}");
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
                {
                    due.Add(FromEntity(entity));
                    if (due.Count == max)
                    {
                        break;
                    }
                }
            }

            return due;
        }, cancellationToken);

    public Task RemoveAsync(PendingFollowUp message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return StorageCall.RunAsync(async () =>
        {
            try
            {
                await table.DeleteEntityAsync(Bucket(message.Message.DueAt), RowKey(message.Message), ETag.All, cancellationToken);
            }
            catch (RequestFailedException failed) when (failed.Status == 404)
            {
                // Already removed by an overlapping sweep.
            }
        }, cancellationToken);
    }

    internal static string Bucket(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string RowKey(ScheduledFollowUp message) => $"{message.DueAt.UtcTicks:D19}|{message.Id}";

    /// <summary>Every RowKey of a message due at or before the instant sorts at or below this one ('~' is above '|' and the id's characters).</summary>
    private static string RowKeyLimit(DateTimeOffset now) => $"{now.UtcTicks:D19}|~";

    private static TableEntity ToEntity(PendingFollowUp message) => new(Bucket(message.Message.DueAt), RowKey(message.Message))
    {
        ["ClinicId"] = message.ClinicId,
        ["PrescriptionId"] = message.PrescriptionId,
        ["Attempts"] = message.Attempts,
        ["Message"] = JsonSerializer.Serialize(message.Message, DomainJson.Options),
    };

    private static PendingFollowUp FromEntity(TableEntity entity) => new(
        entity.GetString("ClinicId"),
        entity.GetString("PrescriptionId"),
        JsonSerializer.Deserialize<ScheduledFollowUp>(entity.GetString("Message"), DomainJson.Options)
            ?? throw new InvalidDataException($"Follow-up {entity.RowKey} has no message."),
        entity.GetInt32("Attempts") ?? 0);
}
