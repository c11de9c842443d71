using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Invocation;

namespace Prescriptions.LocalHost.Http;

/// <summary>Serves one HTTP function: invoke it, execute its result, turn failures into problem+json.</summary>
internal sealed class HttpFunctionHandler(HttpFunctionDescriptor function, FunctionInvoker<HttpContext> invoker, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var result = await invoker.InvokeAsync(context, context.RequestServices);
            switch (result)
            {
                case IActionResult actionResult:
                    // The worker's ASP.NET Core integration executes IActionResult the same way, through MVC's executors.
                    await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                    break;
                case IResult httpResult:
                    await httpResult.ExecuteAsync(context);
                    break;
                case null:
                    // A function that returned nothing (or null) answered through HttpResponse itself, or leaves the default 200.
                    break;
                default:
                    throw new InvalidOperationException($"Function '{function.Name}' returned {result.GetType()}, which the local host cannot write.");
            }
        }
        catch (BadHttpRequestException e)
        {
            await WriteProblemAsync(context, e.StatusCode, "The request is not valid.", e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Function '{FunctionName}' failed.", function.Name);
            await WriteProblemAsync(context, StatusCodes.Status500InternalServerError, Problems.UnexpectedErrorTitle, detail: null);
        }
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string? detail)
    {
        if (context.Response.HasStarted)
        {
            // Part of a response is on the wire; aborting tells the client it is incomplete.
            logger.LogWarning("Function '{FunctionName}' failed after its response started; aborting the connection.", function.Name);
            context.Abort();
            return;
        }

        context.Response.Clear();
        await Problems.WriteAsync(context, status, title, detail);
    }
}
