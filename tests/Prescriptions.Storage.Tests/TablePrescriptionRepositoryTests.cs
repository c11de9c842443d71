using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Storage.Prescriptions;
using Prescriptions.Testing;

namespace Prescriptions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TablePrescriptionRepositoryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_created_prescription_reads_back_equal_with_an_etag()
    {
        var (repository, _) = Create();
        var prescription = Sample("clinic-a", "rx-1");

        var created = await repository.CreateAsync(prescription, CancellationToken.None);
        var found = await repository.FindAsync("clinic-a", "rx-1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(created.ETag, found.ETag);
        Assert.False(string.IsNullOrEmpty(found.ETag));
        Assert.Equal(prescription.Items[0], found.Value.Items[0]);
        Assert.Equal(prescription with { Items = found.Value.Items, ClinicItems = found.Value.ClinicItems, Warnings = found.Value.Warnings, Constraints = found.Value.Constraints }, found.Value);
    }

    [Fact]
    public async Task Another_clinic_does_not_find_it()
    {
        var (repository, _) = Create();
        await repository.CreateAsync(Sample("clinic-a", "rx-2"), CancellationToken.None);

        Assert.Null(await repository.FindAsync("clinic-b", "rx-2", CancellationToken.None));
    }

    [Fact]
    public async Task Creating_the_same_id_twice_conflicts_and_writes_nothing_more()
    {
        var (repository, table) = Create();
        await repository.CreateAsync(Sample("clinic-a", "rx-3"), CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.CreateAsync(Sample("clinic-a", "rx-3") with { PatientId = "p-other" }, CancellationToken.None));

        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").ToListAsync();
        Assert.Equal(2, rows.Count); // the prescription and its patient index row, from the first write only
        Assert.DoesNotContain(rows, row => row.RowKey.Contains("p-other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_large_document_is_split_over_several_properties_and_reassembled()
    {
        var (repository, _) = Create();
        var longNotes = new string('x', 900);
        var items = Enumerable.Range(0, 60).Select(i => Sample("c", "x").Items[0] with { ExerciseId = $"exercise-{i}", Notes = longNotes }).ToArray();
        var prescription = Sample("clinic-a", "rx-4") with { Items = items };

        await repository.CreateAsync(prescription, CancellationToken.None);
        var found = await repository.FindAsync("clinic-a", "rx-4", CancellationToken.None);

        Assert.Equal(60, found!.Value.Items.Count);
        Assert.Equal(longNotes, found.Value.Items[59].Notes);
    }

    [Fact]
    public async Task Unreachable_storage_is_reported_as_unavailable()
    {
        var closed = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{FreePorts.Next()}/devstoreaccount1;";
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var repository = new TablePrescriptionRepository(new TableServiceClient(closed, options), Options.Create(new PrescriptionStorageOptions()));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => repository.FindAsync("clinic-a", "rx-1", CancellationToken.None));
    }

    private (TablePrescriptionRepository Repository, TableClient Table) Create()
    {
        var name = "rx" + Guid.NewGuid().ToString("N")[..12];
        return (new TablePrescriptionRepository(azurite.Tables, Options.Create(new PrescriptionStorageOptions { TableName = name })),
            azurite.Tables.GetTableClient(name));
    }

    internal static Prescription Sample(string clinicId, string id) => new()
    {
        Id = id,
        ClinicId = clinicId,
        PatientId = "p-123",
        ConditionId = "lateral-ankle-sprain",
        Phase = 2,
        Side = Side.Left,
        Status = PrescriptionStatus.Draft,
        Constraints = new PatientConstraints { MaxExercises = 6, Equipment = [Equipment.Band] },
        Items =
        [
            new PrescriptionItem
            {
                ExerciseId = "heel-raise",
                Name = "Heel raise",
                Category = ExerciseCategory.Strength,
                Dose = new Dose { Sets = 3, Reps = 10, Side = Side.EachSide },
                Rationale = "Slot 1.",
                Delivery = Delivery.Home,
            },
        ],
        EstimatedMinutesPerSession = 12,
        LibraryVersion = "0123456789abcdef",
        StartDate = new DateOnly(2026, 11, 24),
        Weeks = 6,
        CreatedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        CreatedBy = "therapist-1",
        UpdatedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        UpdatedBy = "therapist-1",
        Version = 1,
    };
}
