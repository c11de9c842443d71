using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Status changes (activate, complete, cancel), phase advance by criteria, readiness and measurements.</summary>
public sealed class PrescriptionLifecycleFunctions(ApiHandler api, OwnPrescriptions ownPrescriptions, PrescriptionService prescriptions)
{
    [Function("ActivatePrescription")]
    public Task<IActionResult> Activate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/activate")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => TransitionAsync(call, prescriptionId, LifecycleAction.Activate), cancellationToken);

    [Function("CompletePrescription")]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/complete")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => TransitionAsync(call, prescriptionId, LifecycleAction.Complete), cancellationToken);

    [Function("CancelPrescription")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/cancel")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => TransitionAsync(call, prescriptionId, LifecycleAction.Cancel), cancellationToken);

    [Function("AdvancePrescription")]
    public Task<IActionResult> Advance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/advance")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            // Preconditions before the body (RFC 9110 13.2.1): a stale If-Match is 412 whatever is sent.
            var matching = await ownPrescriptions.FindMatchingAsync(call, prescriptionId);
            var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
                ? await call.ReadJsonAsync<AdvanceBody>()
                : new AdvanceBody(null, null);
            var errors = new ValidationErrors();
            PrescriptionRequestValidator.CheckOverride(body.Override, body.Reason, errors);
            errors.ThrowIfAny();
            return PrescriptionAnswers.Read(await prescriptions.AdvanceAsync(
                call.Caller.ClinicIds, prescriptionId, matching.ETag, body.Override == true, body.Reason, call.Actor, call.CancellationToken));
        }, cancellationToken);

    [Function("GetPrescriptionReadiness")]
    public Task<IActionResult> Readiness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/readiness")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
            ApiResult.Json((await prescriptions.ReadinessAsync(call.Caller.ClinicIds, prescriptionId, call.CancellationToken)).OrThrow()), cancellationToken);

    [Function("RecordMeasurement")]
    public Task<IActionResult> RecordMeasurement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/measurements")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<MeasurementBody>();
            var input = new MeasurementInput(body.Measure, body.Value, body.Unit, body.RecordedAt);
            var measurement = await prescriptions.RecordMeasurementAsync(call.Caller.ClinicIds, prescriptionId, input, call.Actor, call.CancellationToken);
            return ApiResult.Json(measurement.OrThrow(), StatusCodes.Status201Created);
        }, cancellationToken);

    private async Task<IActionResult> TransitionAsync(ApiRequest call, string prescriptionId, LifecycleAction action)
    {
        var matching = await ownPrescriptions.FindMatchingAsync(call, prescriptionId);
        return PrescriptionAnswers.Read(await prescriptions.TransitionAsync(call.Caller.ClinicIds, prescriptionId, matching.ETag, action, call.Actor, call.CancellationToken));
    }
}
