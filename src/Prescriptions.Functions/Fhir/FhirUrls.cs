namespace Prescriptions.Functions.Fhir;

/// <summary>
/// The URLs this product mints in FHIR: identifier systems, the canonical base of its definitions, and the
/// code systems it quotes. Stable on purpose: partners store and match on them.
/// </summary>
public static class FhirUrls
{
    public const string Base = "https://prescriptions.example/fhir";

    public const string PrescriptionIdSystem = Base + "/sid/prescription-id";

    public const string ExerciseDoseExtension = Base + "/StructureDefinition/exercise-dose";

    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Snomed = "http://snomed.info/sct";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string GoalCategory = "http://terminology.hl7.org/CodeSystem/goal-category";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    /// <summary>SNOMED CT 229065009 |Exercise therapy|.</summary>
    public const string ExerciseTherapyCode = "229065009";

    /// <summary>Patient ids are the clinic's own, so their system is scoped by clinic.</summary>
    public static string PatientIdSystem(string clinicId) => $"{Base}/sid/clinics/{Uri.EscapeDataString(clinicId)}/patient-id";

    /// <summary>The EHR's medical record number of a registered patient; unique within the clinic.</summary>
    public static string MedicalRecordNumberSystem(string clinicId) => $"{Base}/sid/clinics/{Uri.EscapeDataString(clinicId)}/mrn";

    public const string IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";

    /// <summary>An EHR's id for the prescription; unique only within the clinic that sent it.</summary>
    public static string ExternalIdSystem(string clinicId) => $"{Base}/sid/clinics/{Uri.EscapeDataString(clinicId)}/external-id";

    public static string ActivityDefinition(string exerciseId) => $"{Base}/ActivityDefinition/{Uri.EscapeDataString(exerciseId)}";
}
