using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Ports;
using Prescriptions.Domain.Patients;
using Prescriptions.Storage.Patients;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Tests;

/// <summary>The patient directory and its erasure on Azurite: index rows in step with each write, one page per search, resumable erasure.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablePatientDirectoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] GivenNames = ["Anna", "Bjørn", "Chloé", "Dag", "Éva", "Frode", "Gøril", "Hanne", "Ivar", "José"];

    private static Patient Patient(string clinicId, string given, string family, string? externalId = null) =>
        Domain.Patients.Patient.Register(Domain.Patients.Patient.NewId(), clinicId, new PatientDetails(given, family) { ExternalId = externalId, Email = "p@example.com" }, "therapist-1", Now);

    private (TablePatientDirectory Directory, TableClient Table, string Name) Create(TableClientOptions? clientOptions = null)
    {
        var name = "pt" + Guid.NewGuid().ToString("N")[..12];
        var tables = new TableServiceClient(azurite.Emulator.ConnectionString, clientOptions ?? new TableClientOptions());
        return (new TablePatientDirectory(tables, Options.Create(new PrescriptionStorageOptions { TableName = name })), azurite.Tables.GetTableClient(name), name);
    }

    private static async Task<List<string>> KeysAsync(TableClient table, string clinicId) =>
        [.. (await table.QueryAsync<TableEntity>(e => e.PartitionKey == clinicId, select: ["RowKey"]).ToListAsync()).Select(e => e.RowKey)];

    [Fact]
    public async Task With_a_thousand_patients_a_search_reads_one_page_of_its_index_range_not_the_partition()
    {
        var counter = new EntityCountingPolicy();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var (directory, table, _) = Create(clientOptions);
        await table.CreateIfNotExistsAsync();

        // 1,000 patients written as the adapter writes them (patient and index rows), 100 rows a batch; 50 are Müllers.
        var patients = Enumerable.Range(0, 1000)
            .Select(i => Patient("clinic-load", GivenNames[i % GivenNames.Length], i % 20 == 0 ? $"Müller-{(char)('a' + (i % 26))}" : $"Family{i:D4}"))
            .ToList();
        var rows = patients.SelectMany(p => PatientPartitionLayout.NameEntities(p).Prepend(PatientPartitionLayout.PatientEntity(p)));
        foreach (var batch in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        }

        counter.Reset();
        var page = await directory.SearchAsync("clinic-load", PatientNameQuery.Parse("MULL")!, 10, null, CancellationToken.None);

        Assert.Equal(10, page.Items.Count);
        Assert.All(page.Items, p => Assert.StartsWith("Müller", p.FamilyName, StringComparison.Ordinal));
        Assert.NotNull(page.ContinuationToken);
        Assert.InRange(counter.EntitiesRead, 10, 10);
        Assert.True((await KeysAsync(table, "clinic-load")).Count > 2000);
    }

    [Fact]
    public async Task An_update_moves_the_index_rows_in_its_batch_and_a_taken_ehr_id_changes_nothing()
    {
        var (directory, table, _) = Create();
        var created = await directory.CreateAsync(Patient("clinic-a", "Anna", "Berg", "MRN-1"), CancellationToken.None);
        await directory.CreateAsync(Patient("clinic-a", "Per", "Lie", "MRN-2"), CancellationToken.None);
        var id = created.Value.Id;

        var moved = await directory.ReplaceAsync(created, created.Value.Update(created.Value.Details with { FamilyName = "Dahl-Ødegård", ExternalId = "MRN-3" }, "t", Now), CancellationToken.None);
        var before = await KeysAsync(table, "clinic-a");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            directory.ReplaceAsync(moved, moved.Value.Update(moved.Value.Details with { GivenName = "Other", ExternalId = "MRN-2" }, "t", Now), CancellationToken.None));
        await Assert.ThrowsAsync<StaleVersionException>(() =>
            directory.ReplaceAsync(created, created.Value.Update(created.Value.Details, "t", Now), CancellationToken.None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => directory.CreateAsync(Patient("clinic-a", "Kim", "Dup", "MRN-3"), CancellationToken.None));

        Assert.Equal(before, await KeysAsync(table, "clinic-a"));
        Assert.Contains($"pname|ødegard|{id}", before); // Ø is a letter of its own, not O with a mark: only the å loses its ring.
        Assert.Contains($"pname|dahl|{id}", before);
        Assert.DoesNotContain($"pname|berg|{id}", before);
        Assert.DoesNotContain(PatientPartitionLayout.ExternalKey("MRN-1"), before);
        Assert.Equal(id, (await directory.FindByExternalIdAsync("clinic-a", "MRN-3", CancellationToken.None))!.Id);
        Assert.Equal("Dahl-Ødegård", (await directory.FindAsync("clinic-a", id, CancellationToken.None))!.Value.FamilyName);
        Assert.Null(await directory.FindAsync("clinic-b", id, CancellationToken.None));
    }

    [Fact]
    public async Task An_erasure_cut_short_hides_the_patient_at_once_and_a_repeat_finishes_it()
    {
        var (directory, table, name) = Create();
        var patient = (await directory.CreateAsync(Patient("clinic-a", "Siri", "Vik", "MRN-9"), CancellationToken.None)).Value;
        var repository = new TablePrescriptionRepository(azurite.Tables, Options.Create(new PrescriptionStorageOptions { TableName = name }));
        foreach (var id in new[] { "rx-e1", "rx-e2" })
        {
            await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(TablePrescriptionRepositoryTests.Sample("clinic-a", id) with { PatientId = patient.Id }), null, CancellationToken.None);
        }

        await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(TablePrescriptionRepositoryTests.Sample("clinic-a", "rx-kept")), null, CancellationToken.None);
        var cut = new CutAfterBatches(1);
        var cutOptions = new TableClientOptions();
        cutOptions.AddPolicy(cut, HttpPipelinePosition.PerCall);
        var erasure = new PatientErasure("era_1", patient.Id, "therapist-2", Now);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Erasure(new TableServiceClient(azurite.Emulator.ConnectionString, cutOptions), name).EraseAsync("clinic-a", erasure, CancellationToken.None));
        var midway = await KeysAsync(table, "clinic-a");
        Assert.Null(await directory.FindAsync("clinic-a", patient.Id, CancellationToken.None));
        var tombstone = await Erasure(azurite.Tables, name).EraseAsync("clinic-a", erasure with { Id = "era_2" }, CancellationToken.None);

        Assert.DoesNotContain(PatientPartitionLayout.ErasingKey(patient.Id), await KeysAsync(table, "clinic-a"));
        Assert.Contains(PatientPartitionLayout.ErasingKey(patient.Id), midway);
        Assert.DoesNotContain(midway, key => key.StartsWith("pt|", StringComparison.Ordinal) || key.StartsWith("pname|", StringComparison.Ordinal) || key.StartsWith("pext|", StringComparison.Ordinal));
        Assert.Equal(("era_1", 2), (tombstone.Id, tombstone.Prescriptions));
        var left = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").ToListAsync();
        string[] erased = [patient.Id, "rx-e1", "rx-e2", "Siri", "MRN-9"];
        Assert.Empty(left.Where(row => row.Select(p => p.Value).OfType<string>().Append(row.RowKey).Any(text => erased.Any(e => text.Contains(e, StringComparison.Ordinal)))).Select(row => row.RowKey));
        Assert.Contains(left, row => row.RowKey == PatientPartitionLayout.ErasedKey(tombstone));
        Assert.Contains(left, row => row.RowKey == "rx|rx-kept");
    }

    private static TablePatientErasure Erasure(TableServiceClient tables, string name) => new(
        tables, Options.Create(new PrescriptionStorageOptions { TableName = name }), Options.Create(new FollowUpOptions { TableName = name + "fu" }), TimeProvider.System);

    /// <summary>Lets <paramref name="batches"/> batch transactions through, then refuses every request as a lost network would.</summary>
    private sealed class CutAfterBatches(int batches) : HttpPipelinePolicy
    {
        private int sent;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The tests use the async client.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (sent >= batches)
            {
                throw new HttpRequestException("The network is gone.");
            }

            await ProcessNextAsync(message, pipeline);
            if (message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                sent++;
            }
        }
    }
}
