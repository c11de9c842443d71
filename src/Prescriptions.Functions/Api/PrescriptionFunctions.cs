using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Assemble (preview), create, read and replace prescriptions, always within the caller's clinics.</summary>
public sealed class PrescriptionFunctions(ApiHandler api, ILibraryProvider libraries, OwnPrescriptions ownPrescriptions, PrescriptionService prescriptions, TimeProvider clock)
{
    [Function("PreviewPrescription")]
    public Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<AssembleBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var assembly = PrescriptionRequests.ParsePreview(body, library, clock.GetUtcNow());
            ClinicResolution.Resolve(call.Caller, body.ClinicId);
            return ApiResult.Json(PrescriptionService.Preview(library, assembly).OrThrow());
        }, cancellationToken);

    [Function("CreatePrescription")]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var key = IdempotencyKeys.From(call);
            var body = await call.ReadJsonAsync<CreatePrescriptionBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var (assembly, proposed, followUp) = PrescriptionRequests.ParseCreate(body, library, clock.GetUtcNow());
            var draft = new PrescriptionDraft(ClinicResolution.Resolve(call.Caller, body.ClinicId), body.PatientId!, assembly)
            {
                StartDate = body.StartDate, Weeks = body.Weeks, ExternalId = body.ExternalId, FollowUp = followUp,
                OverrideReason = body.Override == true ? body.Reason : null,
            };
            var claim = key is null ? null : new IdempotencyClaim(key, IdempotencyKeys.Fingerprint("POST /api/prescriptions", body));
            return PrescriptionAnswers.Created(await prescriptions.CreateAsync(draft, proposed, library, claim, call.Actor, call.CancellationToken));
        }, cancellationToken);

    [Function("GetPrescription")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call => PrescriptionAnswers.Read(await ownPrescriptions.FindAsync(call, prescriptionId)), cancellationToken);

    [Function("ReplacePrescription")]
    public Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "prescriptions/{prescriptionId}")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            // Preconditions before the body (RFC 9110 13.2.1): 428, 404, 412 whatever is sent; then 400; then the rules.
            var matching = await ownPrescriptions.FindMatchingAsync(call, prescriptionId);
            var body = await call.ReadJsonAsync<ReplacePrescriptionBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var replacement = PrescriptionRequests.ParseReplace(body, matching.Value, library);
            var stored = (await prescriptions.FindChangeableAsync(call.Caller.ClinicIds, prescriptionId, matching.ETag, LifecycleAction.Update, call.CancellationToken)).OrThrow();
            var replaced = await prescriptions.ReplaceAsync(stored, replacement, library, call.Actor, call.CancellationToken);
            return PrescriptionAnswers.Read(PrescriptionRequests.WithClinicItemPaths(replaced, body.Items?.Count ?? 0));
        }, cancellationToken);
}
