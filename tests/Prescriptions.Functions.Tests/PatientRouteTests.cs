using System.Net;
using System.Text.Json;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Fhir;
using R4 = Hl7.Fhir.Model;

namespace Prescriptions.Functions.Tests;

/// <summary>Registered patients over HTTP and real table storage: register, read, update by ETag, search by name and EHR id, prescriptions naming them.</summary>
[Collection(ApiCollection.Name)]
public sealed class PatientRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a", "therapist-7");

    /// <summary>A family name no other test uses, so searches see only this test's patients.</summary>
    private static string UniqueName(string start) => start + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

    private static object Body(string given, string family, string? externalId = null, string? email = "patient@example.com") =>
        new { givenName = given, familyName = family, externalId, email, birthDate = "1970-05-02", preferredLanguage = "de-CH", phone = "+41 44 000 00 00" };

    private async Task<(JsonElement Patient, HttpResponseMessage Response)> RegisterAsync(object body, string? token = null)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/patients", token ?? Therapist, body);
        return (await response.JsonAsync(HttpStatusCode.Created), response);
    }

    private async Task<HttpResponseMessage> PutAsync(string id, object body, string? etag)
    {
        using var request = ApiHost.Request(HttpMethod.Put, $"/api/patients/{id}", Therapist, body);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await Api.Client.SendAsync(request);
    }

    private async Task<List<string>> SearchAllAsync(string query, int pageSize)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var path = $"/api/patients?q={Uri.EscapeDataString(query)}&pageSize={pageSize}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await (await Api.SendAsync(HttpMethod.Get, path, Therapist)).JsonAsync();
            Assert.True(page.GetProperty("items").GetArrayLength() <= pageSize);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return ids;
    }

    [Fact]
    public async Task A_registered_patient_reads_back_with_a_strong_etag_and_stamps_in_its_clinic_only()
    {
        var (patient, response) = await RegisterAsync(Body("Kari", UniqueName("Nord"), "MRN-" + Guid.NewGuid().ToString("N")));
        var id = patient.GetProperty("id").GetString()!;

        var read = await Api.SendAsync(HttpMethod.Get, $"/api/patients/{id}", Api.Token(Roles.Partner, "clinic-a", "partner-a"));
        var otherClinic = await Api.SendAsync(HttpMethod.Get, $"/api/patients/{id}", Api.Token(Roles.Therapist, "clinic-b"));

        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.Equal($"/api/patients/{id}", response.Headers.Location!.ToString());
        Assert.Matches("^pat_[0-9a-f]{32}$", id);
        Assert.Equal(("therapist-7", "therapist-7", "1970-05-02", "de-CH"),
            (patient.GetProperty("createdBy").GetString(), patient.GetProperty("updatedBy").GetString(), patient.GetProperty("birthDate").GetString(), patient.GetProperty("preferredLanguage").GetString()));
        Assert.Equal(id, (await read.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(
            ["birthDate", "clinicId", "createdAt", "createdBy", "email", "externalId", "familyName", "givenName", "id", "phone", "preferredLanguage", "updatedAt", "updatedBy", "version"],
            patient.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal));
        Assert.Equal("\"1\"", read.Headers.ETag!.ToString());
        await otherClinic.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_prescribers_reach_the_patient_routes()
    {
        var (patient, _) = await RegisterAsync(Body("Auth", UniqueName("Matrix")));
        var path = $"/api/patients/{patient.GetProperty("id").GetString()}";
        var editor = Api.Token(Roles.LibraryEditor, "clinic-a");

        await (await Api.SendAsync(HttpMethod.Get, path, editor)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.SendAsync(HttpMethod.Get, path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await Api.SendAsync(HttpMethod.Post, "/api/patients", editor, Body("A", "B"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.SendAsync(HttpMethod.Post, "/api/patients", null, Body("A", "B"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await Api.SendAsync(HttpMethod.Get, "/api/patients?q=auth", editor)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.SendAsync(HttpMethod.Delete, path, editor)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.SendAsync(HttpMethod.Delete, path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await Api.SendAsync(HttpMethod.Delete, path, Api.Token(Roles.Therapist, "clinic-b"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Api.SendAsync(HttpMethod.Post, "/api/patients", Api.Token(Roles.Therapist, "clinic-a"), new { clinicId = "clinic-b", givenName = "A", familyName = "B" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.SendAsync(HttpMethod.Get, path, Therapist)).JsonAsync();
    }

    [Theory]
    [InlineData("givenName", null)]
    [InlineData("givenName", "  ")]
    [InlineData("familyName", "a b c d e f g h i")]
    [InlineData("birthDate", "2999-01-01")]
    [InlineData("email", "not-an-email")]
    [InlineData("phone", "call me")]
    [InlineData("preferredLanguage", "english please")]
    [InlineData("externalId", "")]
    public async Task Bad_details_are_refused_naming_the_field_and_nothing_is_stored(string field, string? value)
    {
        var family = UniqueName("Invalid");
        var body = new Dictionary<string, object?> { ["givenName"] = "Valid", ["familyName"] = family, [field] = value };

        var response = await Api.SendAsync(HttpMethod.Post, "/api/patients", Therapist, body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Empty(await SearchAllAsync(field == "familyName" ? "valid" + family : family, 50));
    }

    [Fact]
    public async Task An_update_needs_the_current_etag_and_a_duplicate_ehr_id_conflicts()
    {
        var family = UniqueName("Update");
        var (patient, response) = await RegisterAsync(Body("Ola", family));
        var (other, _) = await RegisterAsync(Body("Per", UniqueName("Other"), "MRN-" + Guid.NewGuid().ToString("N")));
        var id = patient.GetProperty("id").GetString()!;
        var etag = response.Headers.ETag!.ToString();

        var missing = await PutAsync(id, Body("Ola", family), null);
        var updated = await PutAsync(id, Body("Ola Johan", family), etag);
        var stale = await PutAsync(id, Body("Ola", family), etag);
        var duplicate = await PutAsync(id, Body("Ola", family, other.GetProperty("externalId").GetString()), updated.Headers.ETag!.ToString());
        var invalid = await PutAsync(id, Body("Ola", family, email: "nope"), updated.Headers.ETag!.ToString());

        await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal("\"2\"", updated.Headers.ETag!.ToString());
        Assert.Equal("Ola Johan", (await updated.JsonAsync()).GetProperty("givenName").GetString());
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.NotEmpty((await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).ErrorsFor("externalId"));
        Assert.NotEmpty((await invalid.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("email"));
        Assert.Equal([id], await SearchAllAsync("johan " + family, 10));
        Assert.Empty(await SearchAllAsync("per " + family, 10));
    }

    [Fact]
    public async Task Registering_a_second_patient_with_the_same_ehr_id_conflicts()
    {
        var mrn = "MRN-" + Guid.NewGuid().ToString("N");
        await RegisterAsync(Body("First", UniqueName("Dup"), mrn));

        var second = await Api.SendAsync(HttpMethod.Post, "/api/patients", Therapist, Body("Second", UniqueName("Dup"), mrn));
        var byMrn = await (await Api.SendAsync(HttpMethod.Get, $"/api/patients?externalId={mrn}", Therapist)).JsonAsync();

        Assert.NotEmpty((await second.AssertProblemAsync(HttpStatusCode.Conflict)).ErrorsFor("externalId"));
        Assert.Equal("First", Assert.Single(byMrn.GetProperty("items").EnumerateArray()).GetProperty("givenName").GetString());
    }

    [Fact]
    public async Task Search_finds_any_name_part_as_a_prefix_case_and_accents_aside()
    {
        var family = UniqueName("Müller");
        var (patient, _) = await RegisterAsync(Body("María José", family));
        var id = patient.GetProperty("id").GetString()!;
        var plain = family.Replace("ü", "u", StringComparison.Ordinal);

        Assert.Equal([id], await SearchAllAsync(plain.ToUpperInvariant(), 10));
        Assert.Equal([id], await SearchAllAsync($"jo {plain}", 10));
        Assert.Equal([id], await SearchAllAsync($"{family} MARIA", 10));
        Assert.Empty(await SearchAllAsync($"{plain} smith", 10));
    }

    [Fact]
    public async Task Search_pages_through_every_match_once()
    {
        var family = UniqueName("Paged");
        var ids = new List<string>();
        foreach (var given in new[] { "Anna", "Bo", "Cai", "Dag", "Eva" })
        {
            ids.Add((await RegisterAsync(Body($"{given} {family}x", family))).Patient.GetProperty("id").GetString()!);
        }

        var found = await SearchAllAsync(family, 2);

        Assert.Equal(ids.Order(), found.Order());
    }

    [Theory]
    [InlineData("/api/patients", "q")]
    [InlineData("/api/patients?q=a&pageSize=0", "pageSize")]
    [InlineData("/api/patients?q=a&continuationToken=%25%25", "continuationToken")]
    public async Task Bad_searches_name_the_parameter(string path, string field)
    {
        var problem = await (await Api.SendAsync(HttpMethod.Get, path, Therapist)).AssertProblemAsync(HttpStatusCode.BadRequest);
        if (field != "continuationToken")
        {
            Assert.NotEmpty(problem.ErrorsFor(field));
        }
    }

    [Fact]
    public async Task A_prescription_for_a_registered_patient_takes_their_contact_and_its_fhir_bundle_carries_them()
    {
        var mrn = "MRN-" + Guid.NewGuid().ToString("N");
        var (patient, _) = await RegisterAsync(Body("Ingrid", UniqueName("Fhir"), mrn));
        var id = patient.GetProperty("id").GetString()!;
        var create = new
        {
            patientId = id, conditionId = "lateral-ankle-sprain", phase = 2, side = "left",
            constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 6 },
            followUp = new { timeZone = "Europe/Zurich", reminderTime = "08:00", checkInEveryDays = 7 },
        };

        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, create)).JsonAsync(HttpStatusCode.Created);
        var fhir = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{created.GetProperty("id").GetString()}/fhir", Therapist)).Content.ReadAsStringAsync();
        var unknown = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, create with { patientId = "pat_" + Guid.NewGuid().ToString("N") });

        Assert.Equal(("patient@example.com", "Ingrid"), (created.GetProperty("followUp").GetProperty("email").GetString(), created.GetProperty("followUp").GetProperty("firstName").GetString()));
        var bundle = FhirJson.Deserialize<R4.Bundle>(fhir);
        var fhirPatient = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<R4.Patient>());
        Assert.Equal(mrn, fhirPatient.Identifier.First(i => i.Type?.Coding.Any(c => c.Code == "MR") == true).Value);
        Assert.Equal(("Ingrid", "1970-05-02", "de-CH"), (fhirPatient.Name.Single().Given.Single(), fhirPatient.BirthDate, fhirPatient.Communication.Single().Language.Coding.Single().Code));
        var carePlan = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<R4.CarePlan>());
        Assert.Equal($"urn:uuid:{fhirPatient.Id}", carePlan.Subject.Reference);
        Assert.Empty(FhirValidation.Validate(bundle).Errors());
        Assert.NotEmpty((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("patientId"));
    }

    [Fact]
    public async Task A_prescription_for_an_ehr_patient_id_stays_accepted_with_a_minimal_fhir_patient()
    {
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, Requests.Create("ehr-patient-7"))).JsonAsync(HttpStatusCode.Created);
        var withoutEmail = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new
        {
            patientId = "ehr-patient-7", conditionId = "lateral-ankle-sprain", phase = 2, side = "left",
            followUp = new { timeZone = "Europe/Zurich", reminderTime = "08:00", checkInEveryDays = 7 },
        });

        var fhir = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{created.GetProperty("id").GetString()}/fhir", Therapist)).Content.ReadAsStringAsync();

        var fhirPatient = Assert.Single(FhirJson.Deserialize<R4.Bundle>(fhir).Entry.Select(e => e.Resource).OfType<R4.Patient>());
        Assert.Equal("ehr-patient-7", Assert.Single(fhirPatient.Identifier).Value);
        Assert.Empty(fhirPatient.Name);
        Assert.NotEmpty((await withoutEmail.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("followUp.email"));
    }
}
