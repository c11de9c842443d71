using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Functions.Http;
using Prescriptions.Storage.Health;

namespace Prescriptions.Functions.Api;

/// <summary>GET /api/health: anonymous; 200 when storage answers, 503 when it does not.</summary>
public sealed class HealthFunction(ApiHandler api, StorageHealthProbe storage, TimeProvider clock)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    [Function("Health")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken);
            timeout.CancelAfter(ProbeTimeout);
            var health = await storage.CheckAsync(timeout.Token);
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
