using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Patients;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Patients;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Registered patients: register, search, read, update (If-Match), and erase with everything about them.</summary>
public sealed class PatientFunctions(ApiHandler api, PatientService patients, TimeProvider clock)
{
    [Function("RegisterPatient")]
    public Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<PatientBody>();
            var details = PatientRequestValidator.ToDetails(body, Today());
            var clinicId = ClinicResolution.Resolve(call.Caller, body.ClinicId);
            var stored = (await patients.RegisterAsync(clinicId, details, call.Actor, call.CancellationToken)).OrThrow();
            return Answer(stored, StatusCodes.Status201Created);
        }, cancellationToken);

    [Function("SearchPatients")]
    public Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var pageSize = OffsetPaging.ParsePageSize(call.Query("pageSize"));
            var clinicId = ClinicResolution.Resolve(call.Caller, call.Query("clinicId"));
            var token = call.Query("continuationToken") is { Length: > 0 } text ? text : null;
            var page = (await patients.SearchAsync(clinicId, call.Query("q"), call.Query("externalId"), pageSize, token, call.CancellationToken)).OrThrow();
            return ApiResult.Json(new Page<Patient>(page.Items, page.ContinuationToken));
        }, cancellationToken);

    [Function("GetPatient")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
            Answer((await patients.FindAsync(call.Caller.ClinicIds, patientId, call.CancellationToken)).OrThrow()), cancellationToken);

    [Function("UpdatePatient")]
    public Task<IActionResult> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "patients/{patientId}")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var ifMatch = Preconditions.RequireIfMatch(call);
            var body = await call.ReadJsonAsync<PatientBody>();
            var details = PatientRequestValidator.ToDetails(body, Today());
            var stored = (await patients.FindAsync(call.Caller.ClinicIds, patientId, call.CancellationToken)).OrThrow();
            if (body.ClinicId is not null && body.ClinicId != stored.Value.ClinicId)
            {
                throw new ApiProblemException(Problems.Validation("clinicId", "cannot change: a patient stays with the clinic that registered them"));
            }

            return Answer((await patients.UpdateAsync([stored.Value.ClinicId], patientId, ifMatch, details, call.Actor, call.CancellationToken)).OrThrow());
        }, cancellationToken);

    [Function("ErasePatient")]
    public Task<IActionResult> Erase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "patients/{patientId}")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            (await patients.EraseAsync(call.Caller.ClinicIds, patientId, call.Actor, call.CancellationToken)).OrThrow();
            return ApiResult.NoContent();
        }, cancellationToken);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The patient with its strong ETag (and, when created, its Location).</summary>
    private static ApiResult Answer(Versioned<Patient> stored, int status = StatusCodes.Status200OK)
    {
        var headers = new Dictionary<string, string> { ["ETag"] = stored.Value.ETag };
        if (status == StatusCodes.Status201Created)
        {
            headers["Location"] = $"/api/patients/{stored.Value.Id}";
        }

        return ApiResult.Json(stored.Value, status, headers);
    }
}
