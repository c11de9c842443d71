using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Tests;

/// <summary>
/// A create answered 503 whose batch storage committed anyway (the answer was lost, the SDK did not retry): the caller
/// was told it failed, so the rows are withdrawn, unless a partner may already have been sent its event.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AbandonedCreateTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_create_that_failed_but_committed_is_withdrawn_whole()
    {
        var stage = Stage();
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            stage.Repository.CreateAsync(TablePrescriptionRepositoryTests.Write(TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-late")), null, CancellationToken.None));
        Assert.Equal(4, (await stage.RowsAsync()).Count); // committed: the prescription, its patient row, audit, event

        Assert.Equal(0, await stage.Abandoned.CheckAllAsync(CancellationToken.None));

        Assert.Empty(await stage.RowsAsync());
        Assert.Null(await stage.Repository.FindAsync("clinic-a", "rx-late", CancellationToken.None));
    }

    [Fact]
    public async Task A_create_whose_event_the_relay_has_claimed_stands()
    {
        var stage = Stage();
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            stage.Repository.CreateAsync(TablePrescriptionRepositoryTests.Write(TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-told")), null, CancellationToken.None));
        var outbox = (await stage.RowsAsync()).Single(row => row.RowKey.StartsWith("outbox|", StringComparison.Ordinal));
        outbox["NextAttemptAt"] = DateTimeOffset.UtcNow.AddMinutes(1); // the relay's lease
        await stage.Table.UpdateEntityAsync(outbox, outbox.ETag, TableUpdateMode.Merge);

        Assert.Equal(0, await stage.Abandoned.CheckAllAsync(CancellationToken.None));

        Assert.Equal(4, (await stage.RowsAsync()).Count);
    }

    [Fact]
    public async Task A_keyed_create_is_left_for_its_retry_to_replay()
    {
        var stage = Stage();
        var prescription = TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-keyed");
        var write = TablePrescriptionRepositoryTests.Write(prescription) with
        {
            Idempotency = new IdempotencyRecord("therapist-1", "key-1", "fingerprint", prescription.Id, 201, prescription.CreatedAt),
        };
        await Assert.ThrowsAsync<StorageUnavailableException>(() => stage.Repository.CreateAsync(write, null, CancellationToken.None));

        Assert.Equal(0, stage.Abandoned.Watching);
        Assert.Equal(5, (await stage.RowsAsync()).Count);
    }

    [Fact]
    public async Task A_create_that_never_arrived_is_forgotten_after_the_settle_time()
    {
        var stage = Stage(commit: false);
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            stage.Repository.CreateAsync(TablePrescriptionRepositoryTests.Write(TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-never")), null, CancellationToken.None));

        Assert.Equal(1, await stage.Abandoned.CheckAllAsync(CancellationToken.None));
        stage.Clock.Advance(AbandonedCreates.Settle - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await stage.Abandoned.CheckAllAsync(CancellationToken.None)); // it may still be in storage's queue
        stage.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await stage.Abandoned.CheckAllAsync(CancellationToken.None));
        Assert.Empty(await stage.RowsAsync());
    }

    private Setup Stage(bool commit = true)
    {
        var name = "rx" + Guid.NewGuid().ToString("N")[..12];
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var tables = new TableServiceClient(azurite.Emulator.ConnectionString, options);
        tables.GetTableClient(name).CreateIfNotExists();
        var lose = new LoseBatchAnswers(commit);
        var failing = new TableClientOptions();
        failing.Retry.MaxRetries = 0;
        failing.AddPolicy(lose, HttpPipelinePosition.PerRetry);
        var failingTables = new TableServiceClient(azurite.Emulator.ConnectionString, failing);
        var storageOptions = Options.Create(new PrescriptionStorageOptions { TableName = name });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var abandoned = new AbandonedCreates(tables, storageOptions, Options.Create(new StorageResilienceOptions()), clock, NullLogger<AbandonedCreates>.Instance);
        return new Setup(new TablePrescriptionRepository(failingTables, storageOptions, abandoned), abandoned, tables.GetTableClient(name), clock);
    }

    private sealed record Setup(TablePrescriptionRepository Repository, AbandonedCreates Abandoned, TableClient Table, FakeTimeProvider Clock)
    {
        public async Task<List<TableEntity>> RowsAsync() =>
            await Table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").ToListAsync();
    }

    /// <summary>Every batch is lost on its way back (after storage committed it, or, with commit off, on its way there).</summary>
    private sealed class LoseBatchAnswers(bool commit) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The tests use the async client.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var isBatch = message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);
            if (!isBatch || commit)
            {
                await ProcessNextAsync(message, pipeline);
            }

            if (isBatch)
            {
                throw new RequestFailedException(0, "The connection dropped before the answer came.");
            }
        }
    }
}
