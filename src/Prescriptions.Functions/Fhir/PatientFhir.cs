using System.Globalization;
using Prescriptions.Domain.Prescriptions;
using R4 = Hl7.Fhir.Model;

namespace Prescriptions.Functions.Fhir;

/// <summary>
/// The prescription's patient as a FHIR Patient: for a registered patient their MRN (when known), id at the clinic,
/// name, birth date, email and phone, and preferred language; otherwise only the id the prescription names.
/// </summary>
public static class PatientFhir
{
    public static R4.Patient ToPatient(Prescription prescription, Domain.Patients.Patient? registered, string resourceId)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var patient = new R4.Patient
        {
            Id = resourceId,
            Identifier = [new R4.Identifier(FhirUrls.PatientIdSystem(prescription.ClinicId), prescription.PatientId)],
        };
        if (registered is null)
        {
            return patient;
        }

        if (registered.ExternalId is { } mrn)
        {
            patient.Identifier.Insert(0, new R4.Identifier(FhirUrls.MedicalRecordNumberSystem(prescription.ClinicId), mrn)
            {
                Use = R4.Identifier.IdentifierUse.Usual,
                Type = new R4.CodeableConcept(FhirUrls.IdentifierType, "MR", "Medical record number"),
            });
        }

        patient.Meta = new R4.Meta { VersionId = registered.Version.ToString(CultureInfo.InvariantCulture), LastUpdated = registered.UpdatedAt };
        patient.Name = [new R4.HumanName { Use = R4.HumanName.NameUse.Official, Family = registered.FamilyName, Given = [registered.GivenName] }];
        patient.BirthDate = registered.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (registered.Email is { } email)
        {
            patient.Telecom.Add(new R4.ContactPoint(R4.ContactPoint.ContactPointSystem.Email, R4.ContactPoint.ContactPointUse.Home, email));
        }

        if (registered.Phone is { } phone)
        {
            patient.Telecom.Add(new R4.ContactPoint(R4.ContactPoint.ContactPointSystem.Phone, R4.ContactPoint.ContactPointUse.Mobile, phone));
        }

        if (registered.PreferredLanguage is { } language)
        {
            patient.Communication.Add(new R4.Patient.CommunicationComponent
            {
                Language = new R4.CodeableConcept("urn:ietf:bcp:47", language),
                Preferred = true,
            });
        }

        return patient;
    }
}
