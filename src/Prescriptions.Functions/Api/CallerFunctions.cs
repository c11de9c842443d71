using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// GET /api/me: the caller's roles and clinics. Clinics come from configuration (groups or app ids), not from the token,
/// so a portal needs this to offer a therapist of several clinics the choice of which one to act for.
/// </summary>
public sealed class CallerFunctions(ApiHandler api)
{
    [Function("GetCaller")]
    public Task<IActionResult> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.LibraryReaders, call => Task.FromResult<IActionResult>(ApiResult.Json(CallerProfile.Of(call.Caller))), cancellationToken);
}
