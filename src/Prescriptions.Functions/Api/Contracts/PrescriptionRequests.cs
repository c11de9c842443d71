using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The create and replace bodies as the use cases take them; 400 with every field error at once.</summary>
public static class PrescriptionRequests
{
    public static (AssemblyRequest Request, IReadOnlyList<ProposedItem>? Proposed, FollowUp? FollowUp) ParseCreate(CreatePrescriptionBody body, ExerciseLibrary library, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        var assembly = PrescriptionRequestValidator.ToAssemblyRequest(body, library, errors, now);
        PrescriptionRequestValidator.CheckOverride(body.Override, body.Reason, errors);
        var proposed = PrescriptionRequestValidator.ToProposedItems(body.Items, errors);
        var followUp = PrescriptionRequestValidator.ToFollowUp(body.FollowUp, errors, emailFromPatient: Domain.Patients.Patient.IsWellFormedId(body.PatientId));
        PrescriptionRequestValidator.CheckSchedule(body.Weeks, body.ExternalId, errors);
        errors.ThrowIfAny();
        return (assembly!, proposed, followUp);
    }

    public static PrescriptionReplacement ParseReplace(ReplacePrescriptionBody body, ExerciseLibrary library)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        var constraints = body.Constraints is null ? null : PrescriptionRequestValidator.ToConstraints(body.Constraints, library, errors);
        if (body.Items is null)
        {
            errors.Add("items", "is required: PUT replaces the item list");
        }

        var proposed = PrescriptionRequestValidator.ToProposedItems(body.Items, errors);
        var followUp = PrescriptionRequestValidator.ToFollowUp(body.FollowUp, errors);
        PrescriptionRequestValidator.CheckSchedule(body.Weeks, null, errors);
        errors.ThrowIfAny();
        return new PrescriptionReplacement(proposed!, constraints, body.StartDate, body.Weeks, followUp);
    }
}
