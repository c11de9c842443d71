using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Prescriptions.Storage.Prescriptions;

/// <summary>
/// Withdraws creates that were answered 503 but committed afterwards. A batch sent to a store that hangs can still be
/// committed when the store wakes, after the caller has been told it failed; a caller without an Idempotency-Key then
/// retries and stores the prescription twice. Each such create is watched until storage answers: found with its own
/// write token, its rows are deleted in one transaction (conditional on the prescription row and on its partner events
/// not yet claimed by the webhook relay: once a partner may have been told, the create stands and a warning says so);
/// not found for <see cref="Settle"/> after storage answers again, it is forgotten.
/// Keyed creates are not withdrawn: a retry with the same key replays the stored one (docs/reliability.md).
/// </summary>
public sealed partial class AbandonedCreates(
    TableServiceClient tables,
    IOptions<PrescriptionStorageOptions> storageOptions,
    IOptions<StorageResilienceOptions> resilience,
    TimeProvider clock,
    ILogger<AbandonedCreates> logger) : BackgroundService
{
    /// <summary>Past this age a create is forgotten even if storage never answered (the process's memory is bounded too).</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    private const int MaxWatched = 10_000;

    /// <summary>How often the watched creates are looked at.</summary>
    internal static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a create must stay missing, once storage answers again, before it is taken as never committed: longer
    /// than a request can sit in storage's queue (its server-side timeout is 30 s).
    /// </summary>
    internal static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    private readonly TableClient table = tables.GetTableClient(storageOptions.Value.TableName);
    private readonly ConcurrentDictionary<string, AbandonedCreate> watched = new(StringComparer.Ordinal);

    /// <summary>How many creates are being watched.</summary>
    public int Watching => watched.Count;

    /// <summary>Watches a create whose answer never came: the rows its batch sent, marked with its write token.</summary>
    internal void Watch(string clinicId, string prescriptionId, string writeToken, IReadOnlyList<TableEntity> rows)
    {
        var create = new AbandonedCreate(clinicId, prescriptionId, writeToken, rows, clock.GetUtcNow());
        if (watched.Count >= MaxWatched)
        {
            LogTooMany(create.PrescriptionId);
            return;
        }

        watched[create.PrescriptionId] = create;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Poll, clock, stoppingToken);
                if (!watched.IsEmpty)
                {
                    await CheckAllAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One look at every watched create; the number still watched afterwards.</summary>
    internal async Task<int> CheckAllAsync(CancellationToken cancellationToken)
    {
        foreach (var create in watched.Values)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(resilience.Value.RequestBudget);
                await CheckAsync(create, attempt.Token);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && (exception is OperationCanceledException || StorageCall.IsUnavailable(exception, cancellationToken)))
            {
                // Storage is still away: look again on the next round.
            }
        }

        return watched.Count;
    }

    private async Task CheckAsync(AbandonedCreate create, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - create.AbandonedAt > MaxAge)
        {
            Forget(create);
            LogGaveUp(create.PrescriptionId);
            return;
        }

        var stored = await table.GetEntityIfExistsAsync<TableEntity>(create.ClinicId, ClinicPartitionLayout.RowKey(create.PrescriptionId), cancellationToken: cancellationToken);
        if (!stored.HasValue || stored.Value is not { } row)
        {
            var missingSince = create.FirstSeenMissingAt ?? now;
            if (now - missingSince >= Settle)
            {
                Forget(create);
            }
            else if (create.FirstSeenMissingAt is null)
            {
                watched.TryUpdate(create.PrescriptionId, create with { FirstSeenMissingAt = now }, create);
            }

            return;
        }

        if (row.GetString(TablePrescriptionRepository.WriteTokenProperty) != create.WriteToken)
        {
            Forget(create);
            return;
        }

        await WithdrawAsync(create, row, cancellationToken);
    }

    private async Task WithdrawAsync(AbandonedCreate create, TableEntity row, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>();
        foreach (var sent in create.Rows)
        {
            if (sent.RowKey == row.RowKey)
            {
                batch.Add(new(TableTransactionActionType.Delete, sent, row.ETag));
            }
            else if (sent.RowKey.StartsWith(ClinicPartitionLayout.OutboxPrefix, StringComparison.Ordinal))
            {
                // An event the relay has claimed (its next attempt moved) may already be with a partner.
                var current = await table.GetEntityIfExistsAsync<TableEntity>(sent.PartitionKey, sent.RowKey, cancellationToken: cancellationToken);
                if (!current.HasValue || current.Value is not { } outbox || outbox.GetDateTimeOffset("NextAttemptAt") != sent.GetDateTimeOffset("NextAttemptAt"))
                {
                    Forget(create);
                    LogStands(create.PrescriptionId);
                    return;
                }

                batch.Add(new(TableTransactionActionType.Delete, sent, outbox.ETag));
            }
            else
            {
                batch.Add(new(TableTransactionActionType.Delete, sent, ETag.All));
            }
        }

        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
            Forget(create);
            LogWithdrawn(create.PrescriptionId);
        }
        catch (TableTransactionFailedException failed) when (failed.Status is 404 or 409 or 412)
        {
            // Something changed under us (the relay claimed an event): the next round sees what.
        }
    }

    private void Forget(AbandonedCreate create) => watched.TryRemove(create.PrescriptionId, out _);

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrew prescription {PrescriptionId}: its create was answered 503 and committed afterwards.")]
    private partial void LogWithdrawn(string prescriptionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prescription {PrescriptionId} was answered 503 and committed afterwards; its partner event was already being delivered, so it stands.")]
    private partial void LogStands(string prescriptionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped watching prescription {PrescriptionId}, answered 503 an hour ago: storage has not answered since.")]
    private partial void LogGaveUp(string prescriptionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many creates answered 503 to watch; prescription {PrescriptionId} is not watched.")]
    private partial void LogTooMany(string prescriptionId);
}
