using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Lists: a patient's prescriptions (newest first, paged), lookup by the EHR's id, and the audit history.</summary>
public sealed partial class PrescriptionQueryFunctions(ApiHandler api, IPrescriptionRepository prescriptions, OwnPrescriptions ownPrescriptions)
{
    [Function("ListPatientPrescriptions")]
    public Task<IActionResult> ListForPatient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/prescriptions")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            if (!PatientId().IsMatch(patientId))
            {
                throw new ApiProblemException(Problems.Validation("patientId", "must be 1-64 letters, digits, '.', '_' or '-'"));
            }

            var pageSize = OffsetPaging.ParsePageSize(call.Query("pageSize"));
            var clinicId = ClinicResolution.Resolve(call.Caller, call.Query("clinicId"));
            var page = await prescriptions.ListByPatientAsync(clinicId, patientId, pageSize, NonEmpty(call.Query("continuationToken")), call.CancellationToken);
            return ApiResult.Json(new Page<Prescription>(page.Items, page.ContinuationToken));
        }, cancellationToken);

    [Function("FindPrescriptions")]
    public Task<IActionResult> FindByExternalId(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var externalId = call.Query("externalId");
            if (string.IsNullOrEmpty(externalId) || externalId.Length > 128)
            {
                throw new ApiProblemException(Problems.Validation("externalId", "is required (1-128 characters): the EHR's own id"));
            }

            // Only the caller's clinics are searched, so another clinic's prescriptions never show.
            var found = new List<Prescription>();
            foreach (var clinicId in call.Caller.ClinicIds)
            {
                found.AddRange(await prescriptions.FindByExternalIdAsync(clinicId, externalId, call.CancellationToken));
            }

            return ApiResult.Json(new Page<Prescription>([.. found.OrderByDescending(p => p.CreatedAt)], null));
        }, cancellationToken);

    [Function("GetPrescriptionHistory")]
    public Task<IActionResult> History(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/history")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var pageSize = OffsetPaging.ParsePageSize(call.Query("pageSize"));
            var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
            var page = await prescriptions.HistoryAsync(stored.Value.ClinicId, stored.Value.Id, pageSize, NonEmpty(call.Query("continuationToken")), call.CancellationToken);
            return ApiResult.Json(new Page<Domain.Lifecycle.AuditEntry>(page.Items, page.ContinuationToken));
        }, cancellationToken);

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex PatientId();
}
