using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Which exercises of the library a builder may add under a preview's limits, and why the others not (nothing is stored).</summary>
public sealed class EligibilityFunctions(ApiHandler api, ILibraryProvider libraries, TimeProvider clock)
{
    [Function("PreviewExerciseEligibility")]
    public Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "prescriptions/preview/eligibility")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = await call.ReadJsonAsync<AssembleBody>();
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            var assembly = PrescriptionRequests.ParsePreview(body, library, clock.GetUtcNow());
            ClinicResolution.Resolve(call.Caller, body.ClinicId);
            var exercises = PrescriptionService.PreviewEligibility(library, assembly).OrThrow();
            return ApiResult.Json(new EligibilityAnswer(library.Version, exercises));
        }, cancellationToken);

    /// <summary>The library version judged and each of its exercises in library order.</summary>
    private sealed record EligibilityAnswer(string LibraryVersion, IReadOnlyList<ExerciseEligibility> Exercises);
}
