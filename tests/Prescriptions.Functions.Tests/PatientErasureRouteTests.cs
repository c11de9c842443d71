using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// Erasing a patient over HTTP on Azurite: afterwards no row of the clinic's partition and no row of the follow-up
/// schedule mentions the patient's id, email or name; only the tombstone (with no personal data) stays.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PatientErasureRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private TableClient ClinicTable => new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(Api.Services.GetRequiredService<IOptions<PrescriptionStorageOptions>>().Value.TableName);

    private TableClient ScheduleTable => new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(Api.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value.TableName);

    private static async Task<HttpResponseMessage> SendAsync(ApiHost api, HttpMethod method, string path, string token, object? body, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = ApiHost.Request(method, path, token, body);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await api.Client.SendAsync(request);
    }

    private static object Prescription(string patientId, string? email = null) => new
    {
        patientId, conditionId = "lateral-ankle-sprain", phase = 2, side = "left", externalId = "rx-ehr-" + patientId,
        constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 6 },
        followUp = new { email, timeZone = "Europe/Oslo", reminderTime = "08:00", checkInEveryDays = 3 },
    };

    /// <summary>Every string in every row, with its key: what a reader of the storage account could see.</summary>
    private static async Task<List<(string RowKey, string Text)>> RowsAsync(TableClient table, string? clinicId)
    {
        var rows = new List<(string, string)>();
        var filter = clinicId is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {clinicId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add((row.RowKey, string.Join(" ", row.Select(property => property.Value).OfType<string>().Prepend(row.RowKey).Prepend(row.PartitionKey))));
        }

        return rows;
    }

    [Fact]
    public async Task Erasing_a_registered_patient_leaves_nothing_that_mentions_them_but_a_tombstone()
    {
        const string clinic = "clinic-b";
        var eraser = "eraser-" + Guid.NewGuid().ToString("N")[..8];
        var therapist = Api.Token(Roles.Therapist, clinic, eraser);
        var family = "Zephyrine" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{family.ToLowerInvariant()}@example.com";
        var patient = await (await SendAsync(Api, HttpMethod.Post, "/api/patients", therapist,
            new { givenName = "Oddny", familyName = family, email, externalId = "MRN-" + family, birthDate = "1960-01-01" })).JsonAsync(HttpStatusCode.Created);
        var patientId = patient.GetProperty("id").GetString()!;

        var first = await SendAsync(Api, HttpMethod.Post, "/api/prescriptions", therapist, Prescription(patientId), idempotencyKey: "key-" + family);
        var created = await first.JsonAsync(HttpStatusCode.Created);
        var rxId = created.GetProperty("id").GetString()!;
        var activated = await SendAsync(Api, HttpMethod.Post, $"/api/prescriptions/{rxId}/activate", therapist, null, first.Headers.ETag!.ToString());
        await activated.JsonAsync();
        await (await SendAsync(Api, HttpMethod.Post, "/api/prescriptions", therapist, Prescription(patientId, email))).JsonAsync(HttpStatusCode.Created);
        var records = Api.Services.GetRequiredService<IFollowUpRecords>();
        var alert = Alert.Raise(rxId, AlertKind.HighPain, "erasure", DateTimeOffset.UtcNow, $"High pain reported by Oddny {family}.");
        await records.RaiseAlertsAsync(clinic, [alert], [], null, CancellationToken.None);
        await records.RecordDeliveryAsync(clinic, rxId, new FollowUpDelivery("msg_erasure", FollowUpKind.ExerciseReminder, new DateOnly(2026, 1, 1), true, 1, DateTimeOffset.UtcNow), [], [], null, CancellationToken.None);
        var createdAt = DateTimeOffset.Parse(created.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var worklistRow = $"workpt|{patientId}|{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:D19}|{rxId}";
        Assert.Contains(await RowsAsync(ClinicTable, clinic), row => row.RowKey == worklistRow); // the worklist's line, by patient
        var other = await (await SendAsync(Api, HttpMethod.Post, "/api/prescriptions", therapist, Prescription("someone-else", "other@example.com"))).JsonAsync(HttpStatusCode.Created);
        Assert.Contains(await RowsAsync(ScheduleTable, null), row => row.Text.Contains(rxId, StringComparison.Ordinal));

        var erased = await SendAsync(Api, HttpMethod.Delete, $"/api/patients/{patientId}", therapist, null);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var mentions = new[] { patientId, email, family, rxId, alert.Id };
        var clinicRows = await RowsAsync(ClinicTable, clinic);
        Assert.Empty(clinicRows.Where(row => mentions.Any(m => row.Text.Contains(m, StringComparison.OrdinalIgnoreCase))).Select(row => row.RowKey));
        Assert.Empty((await RowsAsync(ScheduleTable, null)).Where(row => mentions.Any(m => row.Text.Contains(m, StringComparison.OrdinalIgnoreCase))).Select(row => row.RowKey));
        var tombstone = Assert.Single(clinicRows, row => row.RowKey.StartsWith("erased|", StringComparison.Ordinal) && row.Text.Contains(eraser, StringComparison.Ordinal));
        Assert.Contains("\"prescriptions\":2", tombstone.Text, StringComparison.Ordinal);
        Assert.Contains(clinicRows, row => row.Text.Contains(other.GetProperty("id").GetString()!, StringComparison.Ordinal));
        await (await SendAsync(Api, HttpMethod.Get, $"/api/patients/{patientId}", therapist, null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(Api, HttpMethod.Get, $"/api/prescriptions/{rxId}", therapist, null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(Api, HttpMethod.Delete, $"/api/patients/{patientId}", therapist, null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_ehr_patient_id_with_prescriptions_is_erased_and_an_unknown_one_is_not_found()
    {
        const string clinic = "clinic-b";
        var therapist = Api.Token(Roles.Therapist, clinic, "therapist-e");
        var ehrId = "ehr-" + Guid.NewGuid().ToString("N")[..10];
        await (await SendAsync(Api, HttpMethod.Post, "/api/prescriptions", therapist, Prescription(ehrId, "ehr@example.com"))).JsonAsync(HttpStatusCode.Created);

        var otherClinic = await SendAsync(Api, HttpMethod.Delete, $"/api/patients/{ehrId}", Api.Token(Roles.Therapist, "clinic-a"), null);
        var unknown = await SendAsync(Api, HttpMethod.Delete, "/api/patients/ehr-never-seen", therapist, null);
        var erased = await SendAsync(Api, HttpMethod.Delete, $"/api/patients/{ehrId}", Api.Token(Roles.Partner, clinic, "partner-e"), null);

        await otherClinic.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.DoesNotContain(await RowsAsync(ClinicTable, clinic), row => row.Text.Contains(ehrId, StringComparison.Ordinal));
    }
}
