using Prescriptions.Testing;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Fhir;
using Xunit.Abstractions;
using R4 = Hl7.Fhir.Model;

namespace Prescriptions.Functions.Tests;

/// <summary>The mapping on its own: a prescription the engine assembled on the shipped library, checked by the Firely validator.</summary>
public sealed class FhirMapperTests(ITestOutputHelper output)
{
    [Fact]
    public void A_realistic_prescription_maps_to_a_bundle_that_validates_against_R4()
    {
        var bundle = PrescriptionBundleMapper.Map(Realistic(), ShippedLibrary.Indexed);

        var errors = FhirValidation.ValidateAndReport(bundle, output);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(error => error.Describe())));
    }

    [Fact]
    public void A_registered_patient_is_in_the_bundle_with_their_details_and_every_resource_references_them()
    {
        var patient = Domain.Patients.Patient.Register("pat_0192b3c4d5e6f708192a3b4c5d6e7f80", "clinic-a",
            new Domain.Patients.PatientDetails("Kari", "Nordmann") { ExternalId = "MRN-42", BirthDate = new DateOnly(1961, 3, 4), Email = "kari@example.com", Phone = "+47 22 00 00 00", PreferredLanguage = "nb-NO" },
            "therapist-1", DateTimeOffset.UnixEpoch);

        var bundle = PrescriptionBundleMapper.Map(Realistic() with { PatientId = patient.Id }, ShippedLibrary.Indexed, patient);

        var fhirPatient = Single<R4.Patient>(bundle);
        Assert.True(FhirValidation.ValidateAndReport(bundle, output).Count == 0);
        Assert.Equal(["MRN-42", patient.Id], fhirPatient.Identifier.Select(i => i.Value));
        Assert.Equal(("Nordmann", "Kari", "1961-03-04"), (fhirPatient.Name[0].Family, fhirPatient.Name[0].Given.Single(), fhirPatient.BirthDate));
        Assert.Equal(["kari@example.com", "+47 22 00 00 00"], fhirPatient.Telecom.Select(t => t.Value));
        Assert.Equal("nb-NO", fhirPatient.Communication.Single().Language.Coding.Single().Code);
        var reference = $"urn:uuid:{fhirPatient.Id}";
        Assert.Equal(reference, Single<R4.CarePlan>(bundle).Subject.Reference);
        Assert.Equal(reference, Single<R4.Condition>(bundle).Subject.Reference);
        Assert.All(All<R4.ServiceRequest>(bundle), request => Assert.Equal(reference, request.Subject.Reference));
    }

    [Fact]
    public void A_patient_known_only_by_an_ehr_id_is_a_minimal_patient_with_that_identifier()
    {
        var bundle = PrescriptionBundleMapper.Map(Realistic(), ShippedLibrary.Indexed);

        var fhirPatient = Single<R4.Patient>(bundle);
        Assert.Equal("p-fhir", Assert.Single(fhirPatient.Identifier).Value);
        Assert.Empty(fhirPatient.Name);
        Assert.Empty(fhirPatient.Telecom);
    }

    [Theory]
    [InlineData(PrescriptionStatus.Draft, R4.RequestStatus.Draft)]
    [InlineData(PrescriptionStatus.Active, R4.RequestStatus.Active)]
    [InlineData(PrescriptionStatus.Completed, R4.RequestStatus.Completed)]
    [InlineData(PrescriptionStatus.Cancelled, R4.RequestStatus.Revoked)]
    public void Every_status_maps_and_validates(PrescriptionStatus status, R4.RequestStatus expected)
    {
        var bundle = PrescriptionBundleMapper.Map(Realistic() with { Status = status }, ShippedLibrary.Indexed);

        Assert.Equal(expected, Single<R4.CarePlan>(bundle).Status);
        Assert.All(All<R4.ServiceRequest>(bundle), request => Assert.Equal(expected, request.Status));
        Assert.Empty(FhirValidation.Validate(bundle).Errors());
    }

    [Fact]
    public void The_validator_catches_a_broken_bundle()
    {
        var bundle = PrescriptionBundleMapper.Map(Realistic(), ShippedLibrary.Indexed);
        All<R4.ServiceRequest>(bundle)[0].Status = null;

        var errors = FhirValidation.Validate(bundle).Errors();

        Assert.Contains(errors, error => error.Details?.Text?.Contains("status", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_same_prescription_gives_the_same_bundle_and_another_gives_other_ids()
    {
        var prescription = Realistic();

        var first = FhirJson.Serialize(PrescriptionBundleMapper.Map(prescription, ShippedLibrary.Indexed));
        var second = FhirJson.Serialize(PrescriptionBundleMapper.Map(prescription, ShippedLibrary.Indexed));
        var other = PrescriptionBundleMapper.Map(prescription with { Id = "rx-0000000000000000000000000000beef" }, ShippedLibrary.Indexed);

        Assert.Equal(first, second);
        var firstIds = FhirJson.Deserialize<R4.Bundle>(first).Entry.Where(entry => entry.Resource is not R4.ActivityDefinition).Select(entry => entry.FullUrl);
        Assert.Empty(firstIds.Intersect(other.Entry.Select(entry => entry.FullUrl)));
    }

    [Fact]
    public void The_care_plan_links_condition_goals_and_one_service_request_per_item()
    {
        var prescription = Realistic();
        var bundle = PrescriptionBundleMapper.Map(prescription, ShippedLibrary.Indexed);
        var fullUrls = bundle.Entry.Select(entry => entry.FullUrl).ToHashSet();
        var carePlan = Single<R4.CarePlan>(bundle);
        var condition = Single<R4.Condition>(bundle);
        var requests = All<R4.ServiceRequest>(bundle);
        var phase = ShippedLibrary.Indexed.FindCondition(prescription.ConditionId)!.FindPhase(prescription.Phase)!;

        Assert.Equal(R4.Bundle.BundleType.Collection, bundle.Type);
        Assert.All(bundle.Entry, entry => Assert.StartsWith("urn:uuid:", entry.FullUrl, StringComparison.Ordinal));
        Assert.Equal(prescription.Items.Count, requests.Count);
        Assert.Equal(phase.Goals.Count, All<R4.Goal>(bundle).Count);
        Assert.Equal(prescription.Items.Select(i => i.ExerciseId).Distinct().Count(), All<R4.ActivityDefinition>(bundle).Count);
        Assert.All(carePlan.Activity, activity => Assert.Contains(activity.Reference!.Reference, fullUrls));
        Assert.All(carePlan.Goal.Concat(carePlan.Addresses), reference => Assert.Contains(reference.Reference, fullUrls));
        Assert.Equal(R4.CarePlan.CarePlanIntent.Plan, carePlan.Intent);
        Assert.Equal("2026-11-24", carePlan.Period!.Start);
        Assert.Equal("2027-01-04", carePlan.Period.End);
        Assert.Contains(carePlan.Identifier, id => id.System == FhirUrls.PrescriptionIdSystem && id.Value == prescription.Id);
        Assert.Contains(carePlan.Identifier, id => id.Value == "EHR-7");
        Assert.Equal("p-fhir", carePlan.Subject!.Identifier!.Value);
        // A left-sided program carries the left-side codes only.
        Assert.Contains(condition.Code!.Coding, coding => coding.System == FhirUrls.Icd10Cm && coding.Code == "S93.402D");
        Assert.DoesNotContain(condition.Code.Coding, coding => coding.System == FhirUrls.Icd10Cm && coding.Code is "S93.401D" or "S93.411D" or "S93.491D");
        Assert.Contains(condition.Code.Coding, coding => coding.System == FhirUrls.Snomed && coding.Code == "44465007");
        Assert.All(requests, request =>
        {
            Assert.Equal(R4.RequestIntent.Order, request.Intent);
            Assert.Equal("Patient", request.Performer.Single().Type);
            Assert.Contains(request.Code!.Coding, coding => coding.System == FhirUrls.Cpt);
            Assert.Contains(request.InstantiatesCanonical.Single()!.Split('|')[0], All<R4.ActivityDefinition>(bundle).Select(definition => definition.Url));
        });
    }

    [Fact]
    public void The_dose_becomes_instruction_timing_and_extension()
    {
        var bundle = PrescriptionBundleMapper.Map(Realistic(), ShippedLibrary.Indexed);
        var request = All<R4.ServiceRequest>(bundle)[0];
        var dose = request.Extension.Single(extension => extension.Url == FhirUrls.ExerciseDoseExtension);
        var timing = Assert.IsType<R4.Timing>(request.Occurrence);

        Assert.Equal("3 sets of 10, hold 5 s, rest 30 s between sets, red band, effort 6/10, left side, once a day, 5 days a week", request.PatientInstruction);
        Assert.Equal(5, timing.Repeat!.Frequency);
        Assert.Equal(R4.Timing.UnitsOfTime.Wk, timing.Repeat.PeriodUnit);
        Assert.Equal(
            ["sets", "reps", "holdSeconds", "restSeconds", "rpe", "load", "side", "sessionsPerDay", "daysPerWeek"],
            dose.Extension.Select(extension => extension.Url));
        Assert.Equal("band", Assert.IsType<R4.Code>(dose.Extension.Single(e => e.Url == "load").Extension.Single(e => e.Url == "kind").Value).Value);
        Assert.Equal("Before breakfast.", request.Note[0].Text);
        Assert.StartsWith("Why: ", request.Note[1].Text, StringComparison.Ordinal);
    }

    /// <summary>Lateral ankle sprain phase 2 as the engine assembles it, active, with a therapist's edits on the first item.</summary>
    private static Prescription Realistic()
    {
        var library = ShippedLibrary.Indexed;
        var request = new AssemblyRequest("lateral-ankle-sprain", 2, Side.Left, new PatientConstraints { WeightBearing = WeightBearing.Partial, Equipment = [Equipment.Band, Equipment.Chair] });
        var program = ProgramAssembler.Assemble(library, request).Program ?? throw new InvalidOperationException("The engine assembled nothing.");
        var first = program.Items[0] with
        {
            Notes = "Before breakfast.",
            Dose = new Dose { Sets = 3, Reps = 10, HoldSeconds = 5, RestSeconds = 30, Rpe = 6, Load = new Load(LoadKind.Band, Band: "red"), Side = Side.Left, SessionsPerDay = 1, DaysPerWeek = 5 },
        };
        var at = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        return new Prescription
        {
            Id = "rx-0192b3c4d5e6f708192a3b4c5d6e7f80",
            ClinicId = "clinic-a",
            PatientId = "p-fhir",
            ConditionId = program.ConditionId,
            Phase = program.Phase,
            Side = Side.Left,
            Status = PrescriptionStatus.Active,
            Constraints = request.Constraints,
            Items = [first, .. program.Items.Skip(1)],
            ClinicItems = program.ClinicItems,
            Warnings = program.Warnings,
            EstimatedMinutesPerSession = program.EstimatedMinutesPerSession,
            LibraryVersion = library.Version,
            StartDate = new DateOnly(2026, 11, 24),
            Weeks = 6,
            ExternalId = "EHR-7",
            CreatedAt = at,
            CreatedBy = "therapist-1",
            UpdatedAt = at,
            UpdatedBy = "therapist-1",
            Version = 2,
        };
    }

    private static T Single<T>(R4.Bundle bundle)
        where T : R4.Resource => All<T>(bundle).Single();

    private static List<T> All<T>(R4.Bundle bundle)
        where T : R4.Resource => [.. bundle.Entry.Select(entry => entry.Resource).OfType<T>()];
}
