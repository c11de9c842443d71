using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Fhir;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Prescriptions as FHIR R4 for EHRs: the same callers and tenancy as the JSON routes.</summary>
public sealed class FhirFunctions(ApiHandler api, ILibraryProvider libraries, OwnPrescriptions ownPrescriptions, Application.Patients.PatientService patients)
{

    [Function("GetPrescriptionFhir")]
    public Task<IActionResult> GetPrescription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/fhir")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var found = await ownPrescriptions.FindAsync(call, prescriptionId);
            // The exercises as they were when the prescription was assembled, not as the library has them now.
            var library = await libraries.GetVersionAsync(found.Value.LibraryVersion, call.CancellationToken);
            var registered = await patients.FindRegisteredAsync(found.Value.ClinicId, found.Value.PatientId, call.CancellationToken);
            var bundle = PrescriptionBundleMapper.Map(found.Value, library, registered);
            return ApiResult.Content(FhirJson.Serialize(bundle), FhirJson.ContentType);
        }, cancellationToken);
}
