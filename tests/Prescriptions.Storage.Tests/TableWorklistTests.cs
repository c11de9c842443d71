using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;
using Prescriptions.Domain.Worklist;
using Prescriptions.Storage.Prescriptions;
using Prescriptions.Storage.Worklist;

namespace Prescriptions.Storage.Tests;

/// <summary>The worklist rows: written in each write's batch, moved when the status or the attention changes, read one range a page.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableWorklistTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_three_thousand_prescriptions_a_page_of_fifty_reads_one_page_of_rows()
    {
        var counter = new EntityCountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerCall);
        var (repository, worklist, _) = Create(new TableServiceClient(azurite.Emulator.ConnectionString, options));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 3000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var prescription = Sample($"rx-load-{i:D4}", Start.AddMinutes(i)) with { PatientId = $"p-{i % 300}" };
            await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(prescription), Summary(prescription), cancellationToken);
        });
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        counter.Reset();

        var page = await worklist.ListAsync("clinic-load", WorklistFilter.All, 50, null, CancellationToken.None);

        Assert.Equal(Enumerable.Range(2950, 50).Reverse().Select(i => $"rx-load-{i:D4}"), page.Items.Select(s => s.PrescriptionId));
        Assert.InRange(counter.EntitiesRead, 50, 51);
        Assert.NotNull(page.ContinuationToken);
        counter.Reset();
        var next = await worklist.ListAsync("clinic-load", WorklistFilter.All, 50, page.ContinuationToken, CancellationToken.None);
        Assert.Equal("rx-load-2949", next.Items[0].PrescriptionId);
        Assert.InRange(counter.EntitiesRead, 50, 51);
    }

    [Fact]
    public async Task A_change_of_status_or_attention_moves_the_rows_in_the_same_batch()
    {
        var (repository, worklist, table) = Create(azurite.Tables);
        var draft = Sample("rx-moves", Start);
        var created = await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(draft), Summary(draft), CancellationToken.None);
        var active = draft with { Status = PrescriptionStatus.Active, Version = 2 };

        var replaced = await repository.ReplaceAsync(TablePrescriptionRepositoryTests.Write(active, "prescription.activated"), created.ETag, Summary(active, AlertKind.HighPain), CancellationToken.None);

        Assert.Equal(["rx-moves"], await IdsAsync(worklist, new WorklistFilter(PrescriptionStatus.Active, false, null)));
        Assert.Empty(await IdsAsync(worklist, new WorklistFilter(PrescriptionStatus.Draft, false, null)));
        Assert.Equal(["rx-moves"], await IdsAsync(worklist, new WorklistFilter(null, true, null)));
        Assert.Equal(["rx-moves"], await IdsAsync(worklist, new WorklistFilter(null, true, "p-123")));
        Assert.Empty(await IdsAsync(worklist, new WorklistFilter(null, true, "p-other")));
        Assert.Equal(["rx-moves"], await IdsAsync(worklist, new WorklistFilter(PrescriptionStatus.Active, false, "p-123")));
        Assert.Empty(await IdsAsync(worklist, new WorklistFilter(PrescriptionStatus.Draft, false, "p-123")));

        var seen = active with { Version = 3 };
        await repository.ReplaceAsync(TablePrescriptionRepositoryTests.Write(seen, "prescription.updated"), replaced.ETag, Summary(seen), CancellationToken.None);

        Assert.Empty(await IdsAsync(worklist, new WorklistFilter(null, true, null)));
        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-load").ToListAsync();
        var newest = $"{ClinicPartitionLayout.Newest(Start)}|rx-moves";
        Assert.Equal(
            [$"workpt|p-123|{newest}", $"workst|active|{newest}", $"work|{newest}"],
            rows.Select(r => r.RowKey).Where(key => key.StartsWith("work", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stale_write_of_the_prescription_writes_no_worklist_row_either()
    {
        var (repository, worklist, _) = Create(azurite.Tables);
        var draft = Sample("rx-stale", Start);
        var created = await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(draft), Summary(draft), CancellationToken.None);
        var active = draft with { Status = PrescriptionStatus.Active, Version = 2 };
        await repository.ReplaceAsync(TablePrescriptionRepositoryTests.Write(active, "prescription.activated"), created.ETag, Summary(active), CancellationToken.None);

        var cancelled = draft with { Status = PrescriptionStatus.Cancelled, Version = 2 };
        await Assert.ThrowsAsync<StaleVersionException>(() =>
            repository.ReplaceAsync(TablePrescriptionRepositoryTests.Write(cancelled, "prescription.cancelled"), created.ETag, Summary(cancelled), CancellationToken.None));

        Assert.Empty(await IdsAsync(worklist, new WorklistFilter(PrescriptionStatus.Cancelled, false, null)));
        Assert.Equal(["rx-stale"], await IdsAsync(worklist, new WorklistFilter(PrescriptionStatus.Active, false, null)));
    }

    [Fact]
    public async Task A_continuation_token_it_did_not_issue_is_refused()
    {
        var (_, worklist, _) = Create(azurite.Tables);

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => worklist.ListAsync("clinic-load", WorklistFilter.All, 10, "%%%", CancellationToken.None));
    }

    private static async Task<string[]> IdsAsync(TableWorklist worklist, WorklistFilter filter) =>
        [.. (await worklist.ListAsync("clinic-load", filter, 100, null, CancellationToken.None)).Items.Select(s => s.PrescriptionId)];

    private static WorklistSummary Summary(Prescription prescription, params AlertKind[] open) => WorklistSummary.From(
        prescription,
        "Lateral ankle sprain",
        "Controlled motion",
        [],
        [.. open.Select(kind => Alert.Raise(prescription.Id, kind, "day 1", Start, "Alert."))],
        new ReadinessReport(prescription.Phase, false, 0, 10, []),
        Start);

    private static Prescription Sample(string id, DateTimeOffset createdAt) =>
        TablePrescriptionRepositoryTests.Sample("clinic-load", id) with { CreatedAt = createdAt, UpdatedAt = createdAt };

    private static (TablePrescriptionRepository Repository, TableWorklist Worklist, TableClient Table) Create(TableServiceClient tables)
    {
        var options = Options.Create(new PrescriptionStorageOptions { TableName = "wl" + Guid.NewGuid().ToString("N")[..12] });
        return (new TablePrescriptionRepository(tables, options), new TableWorklist(tables, options), tables.GetTableClient(options.Value.TableName));
    }
}
