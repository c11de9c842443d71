using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// Every request no other function takes: 404 for a path the API does not have, 405 with Allow for a known path asked
/// with another method, both problem+json with the correlation id. Both hosts give literal and parameter routes
/// precedence over this catch-all (the local host orders catch-all routes last).
/// </summary>
public sealed class CatchAllFunction(ApiHandler api)
{
    public const string Name = "CatchAll";

    [Function(Name)]
    public Task<IActionResult> Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "{*path}")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, _ =>
        {
            var allowed = KnownRoutes.Current.MethodsOf(request.Path.Value ?? string.Empty);
            throw new ApiProblemException(allowed.Count == 0 ? Problems.NoSuchRoute() : Problems.MethodNotAllowed(request.Method, allowed));
        }, cancellationToken);
}
