using System.Net;
using Azure.Data.Tables;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class PrescriptionTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    [Fact]
    public async Task A_created_prescription_is_201_with_location_and_etag_and_reads_back()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a", "therapist-1");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, Requests.Create("p-create"));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/prescriptions/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("clinic-a", created.GetProperty("clinicId").GetString());
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal("therapist-1", created.GetProperty("createdBy").GetString());
        Assert.Equal(fixture.Library.Version, created.GetProperty("libraryVersion").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        var items = created.GetProperty("items").EnumerateArray().ToArray();
        Assert.InRange(items.Length, 1, 6);
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("rationale").GetString())));

        var read = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", token);
        var body = await read.JsonAsync();
        Assert.Equal(created.ToString(), body.ToString());
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task A_preview_assembles_a_draft_and_stores_nothing()
    {
        var token = Api.Token(Roles.Therapist, "clinic-b");
        var before = await CountRowsAsync("clinic-b");

        var draft = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", token, Requests.Create("p-preview", "total-knee-arthroplasty", 1))).JsonAsync();

        Assert.Equal("total-knee-arthroplasty", draft.GetProperty("conditionId").GetString());
        Assert.NotEmpty(draft.GetProperty("items").EnumerateArray());
        Assert.True(draft.GetProperty("estimatedMinutesPerSession").GetInt32() <= 20);
        Assert.Equal(before, await CountRowsAsync("clinic-b"));
    }

    [Fact]
    public async Task A_therapists_edited_list_is_rechecked_and_an_unsafe_item_is_422_naming_it()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");
        var before = await CountRowsAsync("clinic-a");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new
        {
            patientId = "p-edit",
            conditionId = "total-knee-arthroplasty",
            phase = 1,
            items = new object[] { new { exerciseId = "quad-sets" }, new { exerciseId = "side-to-side-line-hops" } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.ErrorsFor("items[1]"), message => message.Contains("side-to-side-line-hops", StringComparison.Ordinal));
        Assert.Empty(problem.ErrorsFor("items[0]"));
        Assert.Equal(before, await CountRowsAsync("clinic-a"));
    }

    [Fact]
    public async Task A_safe_edited_list_is_stored_as_given_with_the_therapists_notes()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");

        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new
        {
            patientId = "p-edit-ok",
            conditionId = "total-knee-arthroplasty",
            phase = 1,
            externalId = "EHR-42",
            startDate = "2026-11-24",
            weeks = 6,
            items = new object[] { new { exerciseId = "quad-sets", notes = "Before breakfast.", dose = new { sets = 2, reps = 10, holdSeconds = 5 } }, new { exerciseId = "heel-slides" } },
        })).JsonAsync(HttpStatusCode.Created);

        var items = created.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["quad-sets", "heel-slides"], items.Select(i => i.GetProperty("exerciseId").GetString()));
        Assert.Equal("Before breakfast.", items[0].GetProperty("notes").GetString());
        Assert.Equal(2, items[0].GetProperty("dose").GetProperty("sets").GetInt32());
        Assert.Equal("EHR-42", created.GetProperty("externalId").GetString());
        Assert.Equal("2026-11-24", created.GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task A_caller_with_several_clinics_must_name_one()
    {
        var token = Api.Tokens.Issue(new("Therapist", "clinic-a", "floater"), d => d.Claims["groups"] = new[] { "0c1c0000-0000-4000-8000-00000000c1ab" });

        var problem = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, Requests.Create("p-float"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new { patientId = "p-float", clinicId = "clinic-b", conditionId = "lateral-ankle-sprain", phase = 1 })).JsonAsync(HttpStatusCode.Created);

        Assert.NotEmpty(problem.ErrorsFor("clinicId"));
        Assert.Equal("clinic-b", created.GetProperty("clinicId").GetString());
    }

    [Fact]
    public async Task Each_write_stores_the_prescription_its_patient_row_audit_and_event_together()
    {
        var token = Api.Token(Roles.Partner, "clinic-b", "ehr-b");

        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, Requests.Create("p-index"))).JsonAsync(HttpStatusCode.Created);

        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("prescriptions");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-b"))
        {
            rows.Add(row);
        }

        var id = created.GetProperty("id").GetString()!;
        Assert.Contains(rows, row => row.RowKey == $"rx|{id}");
        Assert.Contains(rows, row => row.RowKey.StartsWith("patient|p-index|", StringComparison.Ordinal) && row.RowKey.EndsWith($"|{id}", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.RowKey.StartsWith($"audit|{id}|", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.RowKey.StartsWith("outbox|", StringComparison.Ordinal) && row.GetString("Document0")!.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clinic_without_a_partner_or_alert_address_gets_no_partner_event_written()
    {
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Api.Token(Roles.Therapist, "clinic-a"), Requests.Create("p-no-partner"))).JsonAsync(HttpStatusCode.Created);

        var id = created.GetProperty("id").GetString()!;
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("prescriptions");
        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "clinic-a").ToListAsync();
        Assert.Contains(rows, row => row.RowKey == $"rx|{id}");
        Assert.DoesNotContain(rows, row => row.RowKey.StartsWith("outbox|", StringComparison.Ordinal) && row.GetString("Document0")!.Contains(id, StringComparison.Ordinal));
    }

    private async Task<int> CountRowsAsync(string clinicId)
    {
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("prescriptions");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == clinicId, select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
