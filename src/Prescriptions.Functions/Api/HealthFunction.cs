using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Functions.Http;
using Prescriptions.Storage.Health;

namespace Prescriptions.Functions.Api;

/// <summary>GET /api/health: anonymous; 200 when storage answers, 503 (Retry-After) when it refuses, hangs or has lost its table.</summary>
public sealed class HealthFunction(ApiHandler api, StorageHealthProbe storage, TimeProvider clock)
{
    [Function("Health")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            var health = await storage.CheckAsync(call.CancellationToken);
            var body = new
            {
                status = health.IsHealthy ? "healthy" : "unhealthy",
                storage = new { blobs = health.Blobs ? "reachable" : "unreachable", tables = health.Tables ? "reachable" : "unreachable" },
                checkedAt = clock.GetUtcNow(),
            };
            return ApiResult.Json(body, health.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
                health.IsHealthy ? null : new Dictionary<string, string> { ["Retry-After"] = $"{Problems.StorageRetryAfterSeconds}" });
        }, cancellationToken);
}
