using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Handouts;
using Prescriptions.Functions.Handouts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>The patient's printed handout of a prescription, as a PDF: the same callers and tenancy as reading the prescription.</summary>
public sealed class HandoutFunctions(ApiHandler api, HandoutService handouts)
{
    [Function("GetPrescriptionHandout")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/handout")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var paper = QueryValues.Enum<PaperSize>(call, "paper") ?? PaperSize.A4;
            var handout = (await handouts.BuildAsync(call.Caller.ClinicIds, prescriptionId, call.CancellationToken)).OrThrow();
            var disposition = new Dictionary<string, string> { ["Content-Disposition"] = $"inline; filename=\"{handout.FileName}\"" };
            return ApiResult.File(HandoutPdf.Render(handout, paper), HandoutPdf.ContentType, disposition);
        }, cancellationToken);
}
