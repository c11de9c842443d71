using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Worklist;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Lists: a patient's prescriptions (newest first, paged), the clinic's worklist or lookup by the EHR's id, and the audit history.</summary>
public sealed class PrescriptionQueryFunctions(ApiHandler api, PrescriptionService prescriptions, WorklistService worklist)
{
    [Function("ListPatientPrescriptions")]
    public Task<IActionResult> ListForPatient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/prescriptions")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            PrescriptionService.CheckPatientId(patientId).OrThrow();
            var pageSize = OffsetPaging.ParsePageSize(call.Query("pageSize"));
            var clinicId = ClinicResolution.Resolve(call.Caller, call.Query("clinicId"));
            var page = (await prescriptions.ListForPatientAsync(clinicId, patientId, pageSize, NonEmpty(call.Query("continuationToken")), call.CancellationToken)).OrThrow();
            return ApiResult.Json(new Page<Prescription>(page.Items, page.ContinuationToken));
        }, cancellationToken);

    [Function("FindPrescriptions")]
    public Task<IActionResult> FindByExternalId(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            if (call.Query("externalId") is null)
            {
                var filter = WorklistQuery.Filter(call);
                var pageSize = QueryValues.WholeNumber(call, "pageSize", 1, WorklistQuery.MaxPageSize) ?? OffsetPaging.DefaultPageSize;
                var clinicId = ClinicResolution.Resolve(call.Caller, call.Query("clinicId"));
                var page = (await worklist.ListAsync(clinicId, filter, pageSize, NonEmpty(call.Query("continuationToken")), call.CancellationToken)).OrThrow();
                return ApiResult.Json(new Page<WorklistItem>(page.Items, page.ContinuationToken));
            }

            WorklistQuery.RefuseWithExternalId(call);
            var found = (await prescriptions.FindByExternalIdAsync(call.Caller.ClinicIds, call.Query("externalId"), call.CancellationToken)).OrThrow();
            return ApiResult.Json(new Page<Prescription>(found, null));
        }, cancellationToken);

    [Function("GetPrescriptionHistory")]
    public Task<IActionResult> History(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/history")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var pageSize = OffsetPaging.ParsePageSize(call.Query("pageSize"));
            var page = (await prescriptions.HistoryAsync(call.Caller.ClinicIds, prescriptionId, pageSize, NonEmpty(call.Query("continuationToken")), call.CancellationToken)).OrThrow();
            return ApiResult.Json(new Page<AuditEntry>(page.Items, page.ContinuationToken));
        }, cancellationToken);

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
