using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Safe swaps for an item of a preview or of a stored prescription (nothing is stored).</summary>
public sealed class AlternativesFunctions(ApiHandler api, ILibraryProvider libraries, PrescriptionService prescriptions, TimeProvider clock)
{
    [Function("PreviewItemAlternatives")]
    public Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/preview/alternatives")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<AlternativesBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var assembly = PrescriptionRequests.ParsePreview(body, library, clock.GetUtcNow(), CheckItem);
            ClinicResolution.Resolve(call.Caller, body.ClinicId);
            return Answer(PrescriptionService.PreviewAlternatives(library, assembly, body.ExerciseId, body.Slot));
        }, cancellationToken);

    [Function("GetItemAlternatives")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/items/{exerciseId}/alternatives")] HttpRequest request,
        string prescriptionId,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
            Answer(await prescriptions.AlternativesAsync(call.Caller.ClinicIds, prescriptionId, exerciseId, call.CancellationToken)), cancellationToken);

    private static void CheckItem(AlternativesBody body, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(body.ExerciseId) == (body.Slot is null))
        {
            errors.Add("exerciseId", "Name the item to replace: its exerciseId or its slot, one of them.");
        }
        else if (body.Slot is < 1)
        {
            errors.Add("slot", "A slot is numbered from 1.");
        }
    }

    private static ApiResult Answer(Outcome<ItemAlternativesResult> outcome)
    {
        var result = outcome.OrThrow();
        return ApiResult.Json(new AlternativesAnswer(result.Slot, result.ReplacingExerciseId, result.Alternatives, result.Message));
    }

    /// <summary>The answer of both routes: the slot, the item replaced (null for an empty slot), the alternatives best first.</summary>
    private sealed record AlternativesAnswer(int Slot, string? ReplacingExerciseId, IReadOnlyList<ItemAlternative> Alternatives, string? Message);
}
