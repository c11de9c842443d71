using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The registered patients against in-memory ports: register, update by version, search, erase; prescriptions naming them.</summary>
public sealed class PatientServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly UseCases useCases = new();

    private static PatientDetails Details(string given = "María José", string family = "Müller-Lüdenscheidt", string? externalId = null) =>
        new(given, family) { ExternalId = externalId, Email = "maria@example.com", PreferredLanguage = "de-CH", BirthDate = new DateOnly(1970, 5, 2) };

    private async Task<Patient> RegisterAsync(PatientDetails details, string clinicId = "clinic-a") =>
        (await useCases.PatientService.RegisterAsync(clinicId, details, Therapist, None)).Value!.Value;

    [Fact]
    public async Task A_registered_patient_has_a_server_id_stamps_and_reads_back_from_its_clinic_only()
    {
        var patient = await RegisterAsync(Details(externalId: "MRN-1"));

        var found = await useCases.PatientService.FindAsync(ClinicA, patient.Id, None);
        var elsewhere = await useCases.PatientService.FindAsync(["clinic-b"], patient.Id, None);

        Assert.True(Patient.IsWellFormedId(patient.Id));
        Assert.Equal((1, "therapist-1", useCases.Clock.GetUtcNow(), "\"1\""), (patient.Version, patient.CreatedBy, patient.CreatedAt, patient.ETag));
        Assert.Equal(patient, found.Value!.Value);
        Assert.Equal(FailureKind.NotFound, elsewhere.Failure!.Kind);
    }

    [Fact]
    public async Task A_second_patient_with_the_same_ehr_id_in_the_clinic_conflicts_but_another_clinic_may_use_it()
    {
        await RegisterAsync(Details(externalId: "MRN-2"));

        var again = await useCases.PatientService.RegisterAsync("clinic-a", Details("Other", "Person", "MRN-2"), Therapist, None);
        var otherClinic = await useCases.PatientService.RegisterAsync("clinic-b", Details("Other", "Person", "MRN-2"), Therapist, None);

        Assert.Equal(FailureKind.Conflict, again.Failure!.Kind);
        Assert.NotEmpty(again.Failure.Errors["externalId"]);
        Assert.True(otherClinic.Succeeded);
    }

    [Fact]
    public async Task An_update_names_the_version_it_read_and_is_stamped()
    {
        var patient = await RegisterAsync(Details());
        useCases.Clock.Advance(TimeSpan.FromHours(1));

        var updated = await useCases.PatientService.UpdateAsync(ClinicA, patient.Id, patient.ETag, Details() with { Phone = "+47 22 00 00 00" }, Therapist with { Subject = "therapist-2" }, None);
        var stale = await useCases.PatientService.UpdateAsync(ClinicA, patient.Id, patient.ETag, Details(), Therapist, None);
        var elsewhere = await useCases.PatientService.UpdateAsync(["clinic-b"], patient.Id, "*", Details(), Therapist, None);

        Assert.Equal((2, "therapist-2", "+47 22 00 00 00", patient.CreatedAt), (updated.Value!.Value.Version, updated.Value.Value.UpdatedBy, updated.Value.Value.Phone, updated.Value.Value.CreatedAt));
        Assert.Equal(useCases.Clock.GetUtcNow(), updated.Value.Value.UpdatedAt);
        Assert.Equal(FailureKind.StaleVersion, stale.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, elsewhere.Failure!.Kind);
    }

    [Theory]
    [InlineData("mull", true)]
    [InlineData("MÜLL", true)]
    [InlineData("jo", true)]
    [InlineData("lud", true)]
    [InlineData("jose mar", true)]
    [InlineData("jose smith", false)]
    [InlineData("ose", false)]
    public async Task Names_are_found_by_any_part_case_and_accents_aside(string query, bool found)
    {
        var patient = await RegisterAsync(Details());
        await RegisterAsync(Details("Kari", "Nordmann"));

        var page = (await useCases.PatientService.SearchAsync("clinic-a", query, null, 10, null, None)).Value!;

        Assert.Equal(found ? [patient.Id] : [], page.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task The_ehr_id_finds_its_patient_exactly_and_an_empty_query_is_refused()
    {
        var patient = await RegisterAsync(Details(externalId: "MRN-3"));

        var exact = (await useCases.PatientService.SearchAsync("clinic-a", null, "MRN-3", 10, null, None)).Value!;
        var partial = (await useCases.PatientService.SearchAsync("clinic-a", null, "MRN", 10, null, None)).Value!;
        var empty = await useCases.PatientService.SearchAsync("clinic-a", " - ", null, 10, null, None);

        Assert.Equal(patient.Id, Assert.Single(exact.Items).Id);
        Assert.Empty(partial.Items);
        Assert.NotEmpty(empty.Failure!.Errors["q"]);
    }

    [Fact]
    public void A_patient_with_two_names_in_the_range_is_selected_by_one_index_row_only()
    {
        var patient = Patient.Register("pat_1", "clinic-a", new PatientDetails("María Marta", "Lopez"), "t", DateTimeOffset.UnixEpoch);
        var query = PatientNameQuery.Parse("Mar")!;

        Assert.Equal(["maria"], patient.NameTokens.Where(t => query.Selects(patient, t)));
    }

    [Fact]
    public async Task A_prescription_for_a_registered_patient_takes_the_contact_the_request_left_out()
    {
        var patient = await RegisterAsync(Details());
        var withoutEmail = new FollowUp(string.Empty, "Europe/Oslo", new TimeOnly(8, 0), 7);

        var created = await useCases.Prescriptions.CreateAsync(AnkleDraft(withoutEmail) with { PatientId = patient.Id }, null, ShippedLibrary.Indexed, null, Therapist, None);
        var ownEmail = await useCases.Prescriptions.CreateAsync(AnkleDraft(Contact with { FirstName = null }) with { PatientId = patient.Id }, null, ShippedLibrary.Indexed, null, Therapist, None);

        Assert.Equal(("maria@example.com", "María José"), (created.Value!.Stored.Value.FollowUp!.Email, created.Value.Stored.Value.FollowUp.FirstName));
        Assert.Equal(("pat@example.com", "María José"), (ownEmail.Value!.Stored.Value.FollowUp!.Email, ownEmail.Value.Stored.Value.FollowUp.FirstName));
    }

    [Fact]
    public async Task A_prescription_without_an_email_for_an_unknown_or_emailless_patient_is_refused()
    {
        var emailless = await RegisterAsync(Details() with { Email = null });
        var withoutEmail = new FollowUp(string.Empty, "Europe/Oslo", new TimeOnly(8, 0), 7);

        var noEmail = await useCases.Prescriptions.CreateAsync(AnkleDraft(withoutEmail) with { PatientId = emailless.Id }, null, ShippedLibrary.Indexed, null, Therapist, None);
        var unknown = await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = Patient.NewId() }, null, ShippedLibrary.Indexed, null, Therapist, None);
        var ehrId = await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = "EHR-77" }, null, ShippedLibrary.Indexed, null, Therapist, None);

        Assert.NotEmpty(noEmail.Failure!.Errors["followUp.email"]);
        Assert.NotEmpty(unknown.Failure!.Errors["patientId"]);
        Assert.True(ehrId.Succeeded);
    }

    [Fact]
    public async Task Erasing_removes_the_patient_and_their_prescriptions_and_leaves_a_tombstone_without_them()
    {
        var patient = await RegisterAsync(Details());
        await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = patient.Id }, null, ShippedLibrary.Indexed, null, Therapist, None);
        var kept = (await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = "someone-else" }, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;

        var erased = await useCases.PatientService.EraseAsync(ClinicA, patient.Id, Therapist, None);

        Assert.Equal((1, "therapist-1"), (erased.Value!.Prescriptions, erased.Value.ErasedBy));
        Assert.Equal(FailureKind.NotFound, (await useCases.PatientService.FindAsync(ClinicA, patient.Id, None)).Failure!.Kind);
        Assert.Empty((await useCases.Repository.ListByPatientAsync("clinic-a", patient.Id, 10, null, None)).Items);
        Assert.True((await useCases.Prescriptions.FindAsync(ClinicA, kept.Id, None)).Succeeded);
        Assert.DoesNotContain(patient.Id, System.Text.Json.JsonSerializer.Serialize(useCases.Patients.Tombstones), StringComparison.Ordinal);
        Assert.Equal(FailureKind.NotFound, (await useCases.PatientService.EraseAsync(ClinicA, patient.Id, Therapist, None)).Failure!.Kind);
    }

    [Fact]
    public async Task An_ehr_patient_id_with_prescriptions_is_erased_and_an_unknown_one_or_another_clinics_is_not_found()
    {
        await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = "EHR-9" }, null, ShippedLibrary.Indexed, null, Therapist, None);

        var otherClinic = await useCases.PatientService.EraseAsync(["clinic-b"], "EHR-9", Therapist, None);
        var unknown = await useCases.PatientService.EraseAsync(ClinicA, "EHR-unknown", Therapist, None);
        var erased = await useCases.PatientService.EraseAsync(ClinicA, "EHR-9", Therapist, None);

        Assert.Equal(FailureKind.NotFound, otherClinic.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, unknown.Failure!.Kind);
        Assert.Equal(1, erased.Value!.Prescriptions);
    }

    [Fact]
    public async Task A_prescription_created_while_an_erasure_is_under_way_is_erased_by_the_repeat_that_finishes_it()
    {
        await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = "EHR-10" }, null, ShippedLibrary.Indexed, null, Therapist, None);
        useCases.Patients.StopAfterFirstBatch = true;

        await Assert.ThrowsAsync<TimeoutException>(() => useCases.PatientService.EraseAsync(ClinicA, "EHR-10", Therapist, None));
        var during = (await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = "EHR-10" }, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
        var finished = await useCases.PatientService.EraseAsync(ClinicA, "EHR-10", Therapist, None);
        var afterwards = await useCases.Prescriptions.CreateAsync(AnkleDraft() with { PatientId = "EHR-10" }, null, ShippedLibrary.Indexed, null, Therapist, None);

        Assert.Equal(2, finished.Value!.Prescriptions);
        Assert.Null(await useCases.Repository.FindAsync("clinic-a", during.Id, None));
        Assert.True(afterwards.Succeeded);
    }
}
