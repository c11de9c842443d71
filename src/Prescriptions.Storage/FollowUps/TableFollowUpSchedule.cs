using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Storage.FollowUps;

/// <summary>
/// Follow-ups in time buckets: PartitionKey is the UTC hour the message is due (<c>yyyyMMddHH</c>), RowKey the due
/// instant's ticks and the message id. A sweep queries the buckets of the lookback window up to now with
/// RowKey &lt;= now, so it reads the due messages and nothing else, however large the schedule.
/// </summary>
public sealed class TableFollowUpSchedule(TableServiceClient tables, IOptions<FollowUpOptions> options) : IFollowUpSchedule
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task AddAsync(IReadOnlyList<PendingFollowUp> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return StorageCall.RunAsync(provisioning, async () =>
        {
            // A batch shares one partition and holds at most 100 operations (and may not name one entity twice).
            foreach (var bucket in messages.DistinctBy(m => RowKey(m.Message), StringComparer.Ordinal).GroupBy(m => Bucket(m.Message.DueAt)))
            {
                foreach (var chunk in bucket.Chunk(100))
                {
                    try
                    {
                        await table.SubmitTransactionAsync(chunk.Select(m => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(m))), cancellationToken);
                    }
                    catch (TableTransactionFailedException failed) when (failed.Status == 409)
                    {
                        // Some are there already (perhaps being retried): add the others one by one, leaving those as they are.
                        foreach (var message in chunk)
                        {
                            await AddIfMissingAsync(message, cancellationToken);
                        }
                    }
                }
            }
        }, cancellationToken);
    }

    private async Task AddIfMissingAsync(PendingFollowUp message, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(ToEntity(message), cancellationToken);
        }
        catch (RequestFailedException failed) when (failed.Status == 409)
        {
        }
    }

    public Task<IReadOnlyList<PendingFollowUp>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        StorageCall.RunAsync<IReadOnlyList<PendingFollowUp>>(provisioning, async () =>
        {
            var due = new List<PendingFollowUp>();
            var upTo = RowKeyLimit(now);
            var first = (now - options.Value.Lookback).ToUniversalTime();
            for (var hour = new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, 0, 0, TimeSpan.Zero); hour <= now && due.Count < max; hour = hour.AddHours(1))
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Bucket(hour)} and RowKey le {upTo} and NotBefore le {now.UtcDateTime}");
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

    public Task<PendingFollowUp?> TryClaimAsync(PendingFollowUp message, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return StorageCall.RunAsync(async () =>
        {
            var claimed = message with { NotBefore = leaseUntil };
            try
            {
                var response = await table.UpdateEntityAsync(ToEntity(claimed), Conditional(message), TableUpdateMode.Replace, cancellationToken);
                return claimed with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException failed) when (failed.Status is 404 or 412)
            {
                return null;
            }
        }, cancellationToken);
    }

    public Task<bool> TryRetryLaterAsync(PendingFollowUp message, int attempts, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return StorageCall.RunAsync(async () =>
        {
            try
            {
                await table.UpdateEntityAsync(ToEntity(message with { Attempts = attempts, NotBefore = notBefore }), Conditional(message), TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException failed) when (failed.Status is 404 or 412)
            {
                return false;
            }
        }, cancellationToken);
    }

    public Task RemoveAsync(PendingFollowUp message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return StorageCall.RunAsync(async () =>
        {
            try
            {
                await table.DeleteEntityAsync(Bucket(message.Message.DueAt), RowKey(message.Message), message.ETag is null ? ETag.All : Conditional(message), cancellationToken);
            }
            catch (RequestFailedException failed) when (failed.Status is 404 or 412)
            {
                // Already removed, or taken over by another sweep whose lease outlived ours: that sweep finishes it.
            }
        }, cancellationToken);
    }

    private static ETag Conditional(PendingFollowUp message) =>
        new(message.ETag ?? throw new ArgumentException("Only a message read from the schedule can be changed.", nameof(message)));

    internal static string Bucket(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string RowKey(ScheduledFollowUp message) => $"{message.DueAt.UtcTicks:D19}|{message.Id}";

    /// <summary>Every RowKey of a message due at or before the instant sorts at or below this one ('~' is above '|' and the id's characters).</summary>
    private static string RowKeyLimit(DateTimeOffset now) => $"{now.UtcTicks:D19}|~";

    private static TableEntity ToEntity(PendingFollowUp message) => new(Bucket(message.Message.DueAt), RowKey(message.Message))
    {
        ["ClinicId"] = message.ClinicId,
        ["PrescriptionId"] = message.PrescriptionId,
        ["Attempts"] = message.Attempts,
        ["NotBefore"] = (message.NotBefore ?? message.Message.DueAt).UtcDateTime,
        ["Message"] = JsonSerializer.Serialize(message.Message, DomainJson.Options),
    };

    private static PendingFollowUp FromEntity(TableEntity entity) => new(
        entity.GetString("ClinicId"),
        entity.GetString("PrescriptionId"),
        JsonSerializer.Deserialize<ScheduledFollowUp>(entity.GetString("Message"), DomainJson.Options)
            ?? throw new InvalidDataException($"Follow-up {entity.RowKey} has no message."),
        entity.GetInt32("Attempts") ?? 0)
    {
        NotBefore = entity.GetDateTimeOffset("NotBefore"),
        ETag = entity.ETag.ToString(),
    };
}
