using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Readiness;
using Prescriptions.Domain.Worklist;
using Prescriptions.Storage.Patients;
using Prescriptions.Storage.Prescriptions;
using Prescriptions.Storage.Worklist;

namespace Prescriptions.Storage.Tests;

/// <summary>
/// One clinic with 1,000 patients and 3,000 prescriptions in its partition: a worklist page and a patient search each
/// read one page of rows from storage (counted as the SDK receives them), never the partition.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClinicAtScaleTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_worklist_page_and_a_patient_search_each_read_one_page()
    {
        var counter = new EntityCountingPolicy();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(azurite.Emulator.ConnectionString, clientOptions);
        var options = Options.Create(new PrescriptionStorageOptions { TableName = "scale" + Guid.NewGuid().ToString("N")[..12] });
        var table = tables.GetTableClient(options.Value.TableName);
        await table.CreateIfNotExistsAsync();
        var repository = new TablePrescriptionRepository(tables, options);
        var worklist = new TableWorklist(tables, options);
        var directory = new TablePatientDirectory(tables, options);

        var patients = Enumerable.Range(0, 1000)
            .Select(i => Patient.Register(Patient.NewId(), "clinic-scale", new PatientDetails(i % 25 == 0 ? "Åsa" : $"Given{i:D4}", $"Family{i:D4}") { Email = "p@example.com" }, "therapist-1", Start))
            .ToList();
        foreach (var batch in patients.SelectMany(p => PatientPartitionLayout.NameEntities(p).Prepend(PatientPartitionLayout.PatientEntity(p))).Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        }

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 3000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var prescription = TablePrescriptionRepositoryTests.Sample("clinic-scale", $"rx-scale-{i:D4}") with
            {
                PatientId = patients[i % patients.Count].Id,
                CreatedAt = Start.AddMinutes(i),
                UpdatedAt = Start.AddMinutes(i),
            };
            var summary = WorklistSummary.From(prescription, "Lateral ankle sprain", "Controlled motion", [], [], new ReadinessReport(2, false, 0, 10, []), Start);
            await repository.CreateAsync(TablePrescriptionRepositoryTests.Write(prescription), summary, cancellationToken);
        });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"writing 3,000 prescriptions took {watch.Elapsed}");
        var partition = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-scale", select: ["RowKey"]).CountAsync();

        counter.Reset();
        var page = await worklist.ListAsync("clinic-scale", WorklistFilter.All, 50, null, CancellationToken.None);
        var worklistRead = counter.EntitiesRead;
        counter.Reset();
        var found = await directory.SearchAsync("clinic-scale", PatientNameQuery.Parse("asa")!, 20, null, CancellationToken.None);
        var searchRead = counter.EntitiesRead;

        Assert.True(partition > 20_000, $"the partition holds {partition} rows");
        Assert.Equal("rx-scale-2999", page.Items[0].PrescriptionId);
        Assert.Equal(50, page.Items.Count);
        Assert.InRange(worklistRead, 50, 51);
        Assert.Equal(20, found.Items.Count);
        Assert.All(found.Items, p => Assert.Equal("Åsa", p.GivenName));
        Assert.InRange(searchRead, 20, 21);
    }
}
