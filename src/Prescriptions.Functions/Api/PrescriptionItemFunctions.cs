using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Assembly;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Progress or regress one item along its exercise's chain, within the prescription's limits.</summary>
public sealed class PrescriptionItemFunctions(ApiHandler api, OwnPrescriptions ownPrescriptions, PrescriptionService prescriptions)
{
    [Function("ProgressPrescriptionItem")]
    public Task<IActionResult> Progress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/items/{exerciseId}/progress")] HttpRequest request,
        string prescriptionId,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => StepAsync(call, prescriptionId, exerciseId, ProgressionDirection.Progress), cancellationToken);

    [Function("RegressPrescriptionItem")]
    public Task<IActionResult> Regress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/{prescriptionId}/items/{exerciseId}/regress")] HttpRequest request,
        string prescriptionId,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, call => StepAsync(call, prescriptionId, exerciseId, ProgressionDirection.Regress), cancellationToken);

    private async Task<IActionResult> StepAsync(ApiRequest call, string prescriptionId, string exerciseId, ProgressionDirection direction)
    {
        var matching = await ownPrescriptions.FindMatchingAsync(call, prescriptionId);
        return PrescriptionAnswers.Read(await prescriptions.StepItemAsync(call.Caller.ClinicIds, prescriptionId, matching.ETag, exerciseId, direction, call.Actor, call.CancellationToken));
    }
}
