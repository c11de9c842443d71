using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Timers;

namespace Prescriptions.LocalHost.Admin;

/// <summary>
/// <c>POST /admin/functions/{name}</c>, the Functions host's "run a non-HTTP function now" route.
/// Only timer functions run here. The Functions host documents this route as "manually run a non HTTP-triggered
/// function" (an HTTP function is called through its own route), so here an HTTP function's name answers 404 like an
/// unknown name, with a detail that points at its route. The request body (<c>{"input": ...}</c> on the Functions host)
/// is ignored. Like the Functions host, it asks for a key in <c>x-functions-key</c> when <c>LocalHost:MasterKey</c> is set
/// (401 without it or with another); with no key configured it is open in Development only (404 elsewhere).
/// </summary>
internal static class AdminFunctionEndpoints
{
    public const string Route = "admin/functions/{name}";

    public static void MapAdminFunctions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, (RequestDelegate)RunAsync).WithDisplayName("Admin: run a function now");
    }

    public const string KeyHeader = "x-functions-key";

    private static async Task RunAsync(HttpContext context)
    {
        if (!await AuthorizedAsync(context))
        {
            return;
        }

        var name = context.Request.RouteValues["name"] as string ?? string.Empty;
        var scheduler = context.RequestServices.GetRequiredService<TimerScheduler>();
        if (scheduler.Find(name) is not { } timer)
        {
            var isHttp = context.RequestServices.GetRequiredService<FunctionCatalog>().HttpFunctions
                .Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Function not found.", isHttp
                ? $"'{name}' is an HTTP function; call it through its route."
                : $"No timer function named '{name}'.");
            return;
        }

        try
        {
            // Unlike the Functions host (which queues the run and answers at once), the run is awaited here:
            // a caller that gets 202 can rely on the run having completed, which is what tests and scripts need.
            await scheduler.RunNowAsync(timer.Name, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away.
        }
        catch (Exception e)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{timer.Name}")
                .LogError(e, "Timer function '{FunctionName}' failed when run through the admin route.", timer.Name);
            await Problems.WriteUnexpectedErrorAsync(context);
        }
    }

    private static async Task<bool> AuthorizedAsync(HttpContext context)
    {
        var masterKey = context.RequestServices.GetRequiredService<IOptions<LocalHostOptions>>().Value.MasterKey;
        if (string.IsNullOrEmpty(masterKey))
        {
            if (context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                return true;
            }

            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found.",
                "The admin route is available in Development, or with LocalHost:MasterKey set.");
            return false;
        }

        var presented = context.Request.Headers[KeyHeader].ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(masterKey)))
        {
            return true;
        }

        await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized.", $"Send the master key in {KeyHeader}.");
        return false;
    }
}
