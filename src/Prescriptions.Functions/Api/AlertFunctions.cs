using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Alerts;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>The clinic's alerts inbox: open (or acknowledged) alerts newest first, and acknowledging one.</summary>
public sealed class AlertFunctions(ApiHandler api, AlertService alerts)
{
    [Function("ListAlerts")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "alerts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var status = QueryValues.Enum<AlertStatus>(call, "status") ?? AlertStatus.Open;
            var kind = QueryValues.Enum<AlertKind>(call, "kind");
            var pageSize = OffsetPaging.ParsePageSize(call.Query("pageSize"));
            var clinicId = ClinicResolution.Resolve(call.Caller, call.Query("clinicId"));
            var token = call.Query("continuationToken") is { Length: > 0 } text ? text : null;
            var page = (await alerts.ListAsync(clinicId, status, kind, pageSize, token, call.CancellationToken)).OrThrow();
            return ApiResult.Json(new Page<Alert>(page.Items, page.ContinuationToken));
        }, cancellationToken);

    [Function("AcknowledgeAlert")]
    public Task<IActionResult> Acknowledge(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "alerts/{alertId}/acknowledge")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var body = request.ContentLength is 0 or null && string.IsNullOrEmpty(request.ContentType) ? new AcknowledgeAlertBody() : await call.ReadJsonAsync<AcknowledgeAlertBody>();
            return ApiResult.Json((await alerts.AcknowledgeAsync(call.Caller.ClinicIds, alertId, body.Note, call.Actor, call.CancellationToken)).OrThrow());
        }, cancellationToken);
}
