using System.Globalization;
using System.Text;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using R4 = Hl7.Fhir.Model;

namespace Prescriptions.Functions.Fhir;

/// <summary>
/// A prescription as a FHIR R4 collection Bundle: a CarePlan (the prescription) that addresses a Condition,
/// aims at one Goal per phase goal and has one ServiceRequest per exercise, each instantiating the
/// ActivityDefinition of its library exercise. No I/O: the same prescription and library give the same bundle.
/// </summary>
/// <remarks>
/// A collection rather than a document: a document needs a Composition, an author and attestation semantics
/// we do not have, while partners import these resources one by one. The bundle carries a Patient that the other
/// resources reference: a registered patient's details (PatientFhir), or only the patient's id at the clinic.
/// </remarks>
public static class PrescriptionBundleMapper
{
    /// <param name="prescription">The prescription.</param>
    /// <param name="library">The library version it was assembled from.</param>
    /// <param name="registered">The registered patient it names, or null for a patient known only by an EHR's id.</param>
    public static R4.Bundle Map(Prescription prescription, ExerciseLibrary library, Domain.Patients.Patient? registered = null)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(library);
        var ids = new EntryIds(prescription.Id);
        var condition = library.FindCondition(prescription.ConditionId);
        var phase = condition?.FindPhase(prescription.Phase);
        var patientResource = PatientFhir.ToPatient(prescription, registered, ids.Id("patient"));
        var patient = PatientReference(prescription, patientResource);
        var period = CarePlanPeriod(prescription);

        var conditionResource = ToCondition(prescription, condition, patient, ids);
        var goals = (phase?.Goals ?? []).Select((goal, index) => ToGoal(prescription, goal, index, patient, ids)).ToList();
        var requests = prescription.Items
            .Select((item, index) => ToServiceRequest(prescription, item, index, library, patient, period, ids))
            .ToList();
        var definitions = prescription.Items
            .Select(item => item.ExerciseId)
            .Distinct(StringComparer.Ordinal)
            .Select(library.FindExercise)
            .OfType<Exercise>()
            .Select(exercise => ToActivityDefinition(exercise, library))
            .ToList();
        var carePlan = ToCarePlan(prescription, condition, phase, patient, period, conditionResource, goals, requests, ids);

        var bundle = new R4.Bundle
        {
            Id = ids.Id("bundle"),
            Meta = new R4.Meta { LastUpdated = prescription.UpdatedAt },
            // The bundle's identity changes with each stored version of the prescription.
            Identifier = new R4.Identifier("urn:ietf:rfc:3986", DeterministicUuid.Urn(DeterministicUuid.Create($"{prescription.Id}/bundle/v{prescription.Version}"))),
            Type = R4.Bundle.BundleType.Collection,
            Timestamp = prescription.UpdatedAt,
        };
        foreach (var resource in new R4.Resource[] { carePlan, patientResource, conditionResource }.Concat(goals).Concat(requests).Concat(definitions))
        {
            bundle.Entry.Add(new R4.Bundle.EntryComponent { FullUrl = $"urn:uuid:{resource.Id}", Resource = resource });
        }

        return bundle;
    }

    private static R4.CarePlan ToCarePlan(
        Prescription prescription,
        Condition? condition,
        Phase? phase,
        R4.ResourceReference patient,
        R4.Period? period,
        R4.Condition conditionResource,
        IEnumerable<R4.Goal> goals,
        IEnumerable<R4.ServiceRequest> requests,
        EntryIds ids)
    {
        var conditionName = condition?.Name ?? prescription.ConditionId;
        var carePlan = new R4.CarePlan
        {
            Id = ids.Id("careplan"),
            Meta = new R4.Meta { VersionId = prescription.Version.ToString(CultureInfo.InvariantCulture), LastUpdated = prescription.UpdatedAt },
            Status = RequestStatus(prescription.Status),
            Intent = R4.CarePlan.CarePlanIntent.Plan,
            Category = [ExerciseTherapy()],
            Title = phase is null ? conditionName : $"{conditionName}, phase {phase.Number}: {phase.Name}",
            Description = condition?.Guideline is { } guideline ? $"Exercise program following {guideline}." : null,
            Subject = patient,
            Period = period,
            CreatedElement = new R4.FhirDateTime(prescription.CreatedAt),
            Addresses = [Reference(conditionResource)],
            Goal = [.. goals.Select(Reference)],
            Activity = [.. requests.Select(request => new R4.CarePlan.ActivityComponent { Reference = Reference(request) })],
            // The engine's warnings (substitutions, dropped items) are for the clinician reading the plan.
            Note = [.. prescription.Warnings.Select(Note)],
        };
        carePlan.Identifier.Add(new R4.Identifier(FhirUrls.PrescriptionIdSystem, prescription.Id) { Use = R4.Identifier.IdentifierUse.Official });
        if (!string.IsNullOrWhiteSpace(prescription.ExternalId))
        {
            carePlan.Identifier.Add(new R4.Identifier(FhirUrls.ExternalIdSystem(prescription.ClinicId), prescription.ExternalId) { Use = R4.Identifier.IdentifierUse.Secondary });
        }

        return carePlan;
    }

    private static R4.Condition ToCondition(Prescription prescription, Condition? condition, R4.ResourceReference patient, EntryIds ids)
    {
        var code = new R4.CodeableConcept { Text = condition?.Name ?? prescription.ConditionId };
        // The codes for the program's side only (a right TKA never carries the left-side code); the EHR picks the billed encounter.
        foreach (var icd10 in condition?.CodesFor(prescription.Side) ?? [])
        {
            code.Coding.Add(new R4.Coding(FhirUrls.Icd10Cm, icd10));
        }

        if (condition?.SnomedCode is { } snomed)
        {
            code.Coding.Add(new R4.Coding(FhirUrls.Snomed, snomed));
        }

        return new R4.Condition
        {
            Id = ids.Id("condition"),
            // Under treatment while the prescription runs; afterwards we do not know, so we do not say.
            ClinicalStatus = prescription.Status is PrescriptionStatus.Draft or PrescriptionStatus.Active
                ? new R4.CodeableConcept(FhirUrls.ConditionClinical, "active")
                : null,
            Code = code,
            Subject = patient,
        };
    }

    private static R4.Goal ToGoal(Prescription prescription, string goal, int index, R4.ResourceReference patient, EntryIds ids) => new()
    {
        Id = ids.Id($"goal/{index}"),
        LifecycleStatus = GoalStatus(prescription.Status),
        Category = [new R4.CodeableConcept(FhirUrls.GoalCategory, "physiotherapy", "Physiotherapy")],
        Description = new R4.CodeableConcept { Text = goal },
        Subject = patient,
        Addresses = [new R4.ResourceReference(ids.Urn("condition"))],
    };

    private static R4.ServiceRequest ToServiceRequest(
        Prescription prescription,
        PrescriptionItem item,
        int index,
        ExerciseLibrary library,
        R4.ResourceReference patient,
        R4.Period? period,
        EntryIds ids)
    {
        var exercise = library.FindExercise(item.ExerciseId);
        var code = new R4.CodeableConcept { Text = item.Name };
        if (exercise is not null)
        {
            // CPT descriptors are AMA text: the code only, no display.
            code.Coding.Add(new R4.Coding(FhirUrls.Cpt, exercise.CptCode));
        }

        var request = new R4.ServiceRequest
        {
            Id = ids.Id($"item/{index}/{item.ExerciseId}"),
            Extension = [DoseFhir.Extension(item.Dose)],
            // The version the prescription was assembled from, which may be older than the text in this bundle.
            InstantiatesCanonical = [$"{FhirUrls.ActivityDefinition(item.ExerciseId)}|{prescription.LibraryVersion}"],
            Status = RequestStatus(prescription.Status),
            // The therapist tells the patient to do it: an order. The plan links to it (CarePlan.activity); no
            // basedOn back to the plan, which would only make a reference loop.
            Intent = R4.RequestIntent.Order,
            Category = [ExerciseTherapy()],
            Code = code,
            Subject = patient,
            Occurrence = DoseFhir.Timing(item.Dose, period),
            AuthoredOnElement = new R4.FhirDateTime(prescription.UpdatedAt),
            Performer = [patient],
            PatientInstruction = DoseFhir.PatientInstruction(item.Dose),
        };
        if (!string.IsNullOrWhiteSpace(item.Notes))
        {
            request.Note.Add(Note(item.Notes));
        }

        request.Note.Add(Note($"Why: {item.Rationale}"));
        return request;
    }

    private static R4.ActivityDefinition ToActivityDefinition(Exercise exercise, ExerciseLibrary library)
    {
        var definition = new R4.ActivityDefinition
        {
            // Shared by every prescription on this library version, so partners can store it once.
            Id = DeterministicUuid.Create($"activity-definition/{exercise.Id}|{library.Version}").ToString("D"),
            Url = FhirUrls.ActivityDefinition(exercise.Id),
            Version = library.Version,
            Name = MachineName(exercise.Id),
            Title = exercise.Name,
            Status = R4.PublicationStatus.Active,
            DateElement = new R4.FhirDateTime(library.PublishedAt),
            Description = Description(exercise),
            Kind = R4.ActivityDefinition.RequestResourceType.ServiceRequest,
            Code = new R4.CodeableConcept { Coding = [new R4.Coding(FhirUrls.Cpt, exercise.CptCode)], Text = exercise.Name },
        };
        return definition;
    }

    /// <summary>The summary, then the numbered steps, cues and safety notes, as markdown.</summary>
    private static string Description(Exercise exercise)
    {
        var text = new StringBuilder(exercise.Summary).AppendLine().AppendLine();
        for (var step = 0; step < exercise.Instructions.Count; step++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{step + 1}. {exercise.Instructions[step]}").AppendLine();
        }

        AppendList(text, "Tips", exercise.Cues);
        AppendList(text, "Safety", exercise.Safety);
        return text.ToString().TrimEnd();
    }

    private static void AppendList(StringBuilder text, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.AppendLine().Append(heading).Append(':').AppendLine();
        foreach (var line in lines)
        {
            text.Append("- ").Append(line).AppendLine();
        }
    }

    /// <summary>ActivityDefinition.name must be machine-friendly (adf-0): kebab-case id to PascalCase.</summary>
    private static string MachineName(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>The bundle's Patient entry, with the patient's id at the clinic for receivers that match on identifiers.</summary>
    private static R4.ResourceReference PatientReference(Prescription prescription, R4.Patient patient) => new()
    {
        Reference = $"urn:uuid:{patient.Id}",
        Type = "Patient",
        Identifier = new R4.Identifier(FhirUrls.PatientIdSystem(prescription.ClinicId), prescription.PatientId),
    };

    /// <summary>From the start date for the number of weeks (the last day included); open-ended without weeks.</summary>
    private static R4.Period? CarePlanPeriod(Prescription prescription)
    {
        if (prescription.StartDate is not { } start)
        {
            return null;
        }

        return new R4.Period
        {
            Start = Date(start),
            End = prescription.Weeks is { } weeks ? Date(start.AddDays((weeks * 7) - 1)) : null,
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static R4.RequestStatus RequestStatus(PrescriptionStatus status) => status switch
    {
        PrescriptionStatus.Draft => R4.RequestStatus.Draft,
        PrescriptionStatus.Active => R4.RequestStatus.Active,
        PrescriptionStatus.Completed => R4.RequestStatus.Completed,
        PrescriptionStatus.Cancelled => R4.RequestStatus.Revoked,
        _ => R4.RequestStatus.Unknown,
    };

    /// <summary>Goals follow the plan: proposed while it is a draft, then active, completed or cancelled with it.</summary>
    private static R4.Goal.GoalLifecycleStatus GoalStatus(PrescriptionStatus status) => status switch
    {
        PrescriptionStatus.Draft => R4.Goal.GoalLifecycleStatus.Proposed,
        PrescriptionStatus.Completed => R4.Goal.GoalLifecycleStatus.Completed,
        PrescriptionStatus.Cancelled => R4.Goal.GoalLifecycleStatus.Cancelled,
        _ => R4.Goal.GoalLifecycleStatus.Active,
    };

    private static R4.CodeableConcept ExerciseTherapy() => new(FhirUrls.Snomed, FhirUrls.ExerciseTherapyCode, "Exercise therapy", "Exercise therapy");

    private static R4.Annotation Note(string text) => new() { Text = text };

    private static R4.ResourceReference Reference(R4.Resource resource) => new($"urn:uuid:{resource.Id}");

    /// <summary>Entry ids derived from the prescription id and the entry's role in the bundle.</summary>
    private sealed class EntryIds(string prescriptionId)
    {
        public string Id(string role) => DeterministicUuid.Create($"{prescriptionId}/{role}").ToString("D");

        public string Urn(string role) => $"urn:uuid:{Id(role)}";
    }
}
