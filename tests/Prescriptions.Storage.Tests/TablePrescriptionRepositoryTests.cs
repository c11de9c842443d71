using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Ports;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Tenancy;
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

        var created = await repository.CreateAsync(Write(prescription), null, CancellationToken.None);
        var found = await repository.FindAsync("clinic-a", "rx-1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(created.ETag, found.ETag);
        Assert.False(string.IsNullOrEmpty(found.ETag));
        Assert.Equal(prescription.Items[0], found.Value.Items[0]);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(prescription, Domain.Serialization.DomainJson.Options),
            System.Text.Json.JsonSerializer.Serialize(found.Value, Domain.Serialization.DomainJson.Options));
    }

    [Fact]
    public async Task Another_clinic_does_not_find_it()
    {
        var (repository, _) = Create();
        await repository.CreateAsync(Write(Sample("clinic-a", "rx-2")), null, CancellationToken.None);

        Assert.Null(await repository.FindAsync("clinic-b", "rx-2", CancellationToken.None));
    }

    [Fact]
    public async Task Creating_the_same_id_twice_conflicts_and_writes_nothing_more()
    {
        var (repository, table) = Create();
        await repository.CreateAsync(Write(Sample("clinic-a", "rx-3")), null, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.CreateAsync(Write(Sample("clinic-a", "rx-3") with { PatientId = "p-other" }), null, CancellationToken.None));

        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").ToListAsync();
        Assert.Equal(4, rows.Count); // the prescription, its patient row, its audit entry and its event, from the first write only
        Assert.DoesNotContain(rows, row => row.RowKey.Contains("p-other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_large_document_is_split_over_several_properties_and_reassembled()
    {
        var (repository, _) = Create();
        var longNotes = new string('x', 900);
        var items = Enumerable.Range(0, 60).Select(i => Sample("c", "x").Items[0] with { ExerciseId = $"exercise-{i}", Notes = longNotes }).ToArray();
        var prescription = Sample("clinic-a", "rx-4") with { Items = items };

        await repository.CreateAsync(Write(prescription), null, CancellationToken.None);
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

    [Fact]
    public async Task A_replace_with_the_current_etag_writes_the_change_its_audit_and_its_event_together()
    {
        var (repository, table) = Create();
        var created = await repository.CreateAsync(Write(Sample("clinic-a", "rx-5") with { ExternalId = "EHR/5?" }), null, CancellationToken.None);
        var changed = created.Value with { Status = PrescriptionStatus.Active, Version = 2, UpdatedAt = created.Value.UpdatedAt.AddMinutes(1) };

        var replaced = await repository.ReplaceAsync(Write(changed, "prescription.activated"), created.ETag, null, CancellationToken.None);

        Assert.NotEqual(created.ETag, replaced.ETag);
        var history = await repository.HistoryAsync("clinic-a", "rx-5", 50, null, CancellationToken.None);
        Assert.Equal(["activated", "created"], history.Items.Select(a => a.Action));
        Assert.Equal(PrescriptionStatus.Active, (await repository.ListByPatientAsync("clinic-a", "p-123", 10, null, CancellationToken.None)).Items.Single(p => p.Id == "rx-5").Status);
        Assert.Equal(PrescriptionStatus.Active, (await repository.FindByExternalIdAsync("clinic-a", "EHR/5?", CancellationToken.None)).Single().Status);
        var outbox = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").Where(e => e.RowKey.StartsWith("outbox|", StringComparison.Ordinal)).CountAsync();
        Assert.Equal(2, outbox);
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_writes_nothing_at_all()
    {
        var (repository, table) = Create();
        var created = await repository.CreateAsync(Write(Sample("clinic-a", "rx-6")), null, CancellationToken.None);
        await repository.ReplaceAsync(Write(created.Value with { Version = 2 }, "prescription.updated"), created.ETag, null, CancellationToken.None);
        var before = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").CountAsync();

        await Assert.ThrowsAsync<StaleVersionException>(() => repository.ReplaceAsync(Write(created.Value with { Version = 3 }, "prescription.updated"), created.ETag, null, CancellationToken.None));

        Assert.Equal(before, await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").CountAsync());
        Assert.Equal(2, (await repository.FindAsync("clinic-a", "rx-6", CancellationToken.None))!.Value.Version);
    }

    [Fact]
    public async Task A_patients_prescriptions_page_newest_first_with_tokens()
    {
        var (repository, _) = Create();
        var start = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            await repository.CreateAsync(Write(Sample("clinic-a", $"rx-page-{i}") with { PatientId = "p-paged", CreatedAt = start.AddDays(i) }), null, CancellationToken.None);
        }

        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await repository.ListByPatientAsync("clinic-a", "p-paged", 3, token, CancellationToken.None);
            Assert.True(page.Items.Count <= 3);
            ids.AddRange(page.Items.Select(p => p.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"rx-page-{i}"), ids);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => repository.ListByPatientAsync("clinic-a", "p-paged", 3, "%%%", CancellationToken.None));
    }

    internal static PrescriptionWrite Write(Prescription prescription, string eventType = "prescription.created") => new(
        prescription,
        new AuditEntry(prescription.Id, prescription.UpdatedAt, "tester", CallerKind.User, eventType["prescription.".Length..], "Test.", [], "test", prescription.Version),
        [new PrescriptionEvent($"evt_{Guid.NewGuid():N}", eventType, prescription.UpdatedAt, prescription.ClinicId, prescription.Id, prescription.Version)]);

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
