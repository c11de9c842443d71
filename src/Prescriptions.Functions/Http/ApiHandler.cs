using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Ports;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Auth;
using Prescriptions.Storage;

namespace Prescriptions.Functions.Http;

/// <summary>
/// The one pipeline every HTTP function runs, inside the function, so the Functions host and the local
/// host behave the same: correlation id, bearer authentication (Microsoft.Identity.Web's scheme), role
/// check, and the mapping of every failure to a problem+json answer.
/// </summary>
public sealed partial class ApiHandler(CallerFactory callers, IOptions<StorageResilienceOptions> storage, ILogger<ApiHandler> logger)
{
    /// <summary>The time one request may spend on storage; when it runs out the request answers 503 with Retry-After.</summary>
    public TimeSpan StorageBudget => storage.Value.RequestBudget;

    public async Task<IActionResult> RunAsync(
        HttpRequest request,
        ApiAccess access,
        Func<ApiRequest, Task<IActionResult>> handle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(handle);
        var correlationId = CorrelationId.From(request);
        request.HttpContext.Response.Headers[CorrelationId.HeaderName] = correlationId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StorageBudget);
        try
        {
            var caller = access.Anonymous ? null : await AuthenticateAsync(request, access);
            return await handle(new ApiRequest(request, caller, correlationId, budget.Token));
        }
        catch (ApiProblemException exception)
        {
            return Answer(exception.Problem, request, correlationId);
        }
        catch (ServiceUnavailableException exception)
        {
            LogStorageUnavailable(logger, exception, correlationId);
            return Answer(Problems.ServiceUnavailable("Storage cannot be reached. Try again shortly."), request, correlationId);
        }
        catch (LibraryNotPublishedException)
        {
            return Answer(Problems.ServiceUnavailable("No exercise library has been published to this environment yet."), request, correlationId);
        }
        catch (InvalidContinuationTokenException)
        {
            return Answer(Problems.Validation("continuationToken", "is not a token this API issued"), request, correlationId);
        }
        catch (StaleVersionException)
        {
            return Answer(Problems.PreconditionFailed(), request, correlationId);
        }
        catch (ConcurrencyConflictException exception)
        {
            return Answer(Problems.Conflict(exception.Message), request, correlationId);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Storage did not answer within the request's budget (a hung store): the same answer as an unreachable one.
            LogStorageBudgetSpent(logger, StorageBudget.TotalMilliseconds, correlationId);
            return Answer(Problems.ServiceUnavailable("Storage did not answer in time. Try again shortly."), request, correlationId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; nobody reads this answer.
            return ApiResult.NoContent();
        }
        catch (Exception exception)
        {
            LogUnexpected(logger, exception, correlationId, request.Method, LogRedaction.Path(request.Path));
            return Answer(Problems.Internal(), request, correlationId);
        }
    }

    private async Task<Caller> AuthenticateAsync(HttpRequest request, ApiAccess access)
    {
        var presented = request.Headers.Authorization.Count > 0;
        var result = await request.HttpContext.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is null)
        {
            if (result.Failure is not null)
            {
                LogTokenRejected(logger, result.Failure.Message);
            }

            throw new ApiProblemException(Problems.Unauthorized(
                presented ? "The bearer token is not valid (expired, wrong audience, issuer or signature)." : "Send Authorization: Bearer <token>.",
                presented));
        }

        request.HttpContext.User = result.Principal;
        var caller = callers.Create(result.Principal);
        if (!caller.IsInAnyRole(access.AnyOfRoles))
        {
            throw new ApiProblemException(Problems.Forbidden($"This route needs one of the roles: {string.Join(", ", access.AnyOfRoles)}."));
        }

        return caller;
    }

    private static ApiResult Answer(ApiProblem problem, HttpRequest request, string correlationId) =>
        ApiResult.Problem(ErrorCap.Apply(problem) with { Instance = request.Path.Value, CorrelationId = correlationId });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable (correlation id {CorrelationId})")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage did not answer within the request budget of {BudgetMilliseconds} ms (correlation id {CorrelationId})")]
    private static partial void LogStorageBudgetSpent(ILogger logger, double budgetMilliseconds, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error (correlation id {CorrelationId}) on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer token rejected: {Reason}")]
    private static partial void LogTokenRejected(ILogger logger, string reason);
}
