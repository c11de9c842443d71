using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Ports;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Tests;

/// <summary>
/// Storage that commits and then loses the answer: the SDK retries the batch, which conflicts with its own rows.
/// The create must answer as the first try would have (the row and its ETag), write nothing twice, and still refuse a
/// genuine duplicate.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_create_whose_committed_batch_is_retried_by_the_sdk_succeeds_once()
    {
        var lose = new LoseFirstBatchAnswer();
        var (repository, table) = Create(lose);
        var prescription = TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-retried");

        var created = await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(prescription), null, CancellationToken.None);

        Assert.Equal(2, lose.BatchesSent); // committed, answer lost, retried by the SDK
        var found = await repository.FindAsync("clinic-a", "rx-retried", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(found.ETag, created.ETag);
        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").ToListAsync();
        Assert.Equal(4, rows.Count); // the prescription, its patient row, its audit entry and its event: once each
    }

    [Fact]
    public async Task A_genuine_duplicate_still_conflicts()
    {
        var (repository, _) = Create(new LoseFirstBatchAnswer { Enabled = false });
        var prescription = TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-dup");
        await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(prescription), null, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            repository.CreateAsync(TablePrescriptionRepositoryTests.Write(prescription), null, CancellationToken.None));
    }

    private (TablePrescriptionRepository Repository, TableClient Table) Create(LoseFirstBatchAnswer policy)
    {
        var name = "rx" + Guid.NewGuid().ToString("N")[..12];
        var options = new TableClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(azurite.Emulator.ConnectionString, options);
        return (new TablePrescriptionRepository(tables, Options.Create(new PrescriptionStorageOptions { TableName = name })), tables.GetTableClient(name));
    }

    /// <summary>Lets the first batch reach storage, then fails as if the connection dropped before the answer came.</summary>
    private sealed class LoseFirstBatchAnswer : HttpPipelinePolicy
    {
        public bool Enabled { get; init; } = true;

        public int BatchesSent { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The tests use the async client.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                BatchesSent++;
                if (Enabled && BatchesSent == 1)
                {
                    throw new IOException("The connection dropped after storage committed the batch.");
                }
            }
        }
    }
}
