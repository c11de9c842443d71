using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Language;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// The patient's side (no account, a signed link): the check-in form with their programme, the check-in itself (form
/// or JSON), and the opt-out; and the therapist's view of the check-ins. A forged or unknown link is 404, an expired
/// one or one whose programme has ended 410 (see <see cref="CheckInService.OpenAsync"/>).
/// </summary>
public sealed class CheckInFunctions(ApiHandler api, CheckInService checkIns, OwnPrescriptions ownPrescriptions, ILibraryProvider libraries, PatientWording wording, TimeProvider clock)
{
    [Function("GetCheckInForm")]
    public Task<IActionResult> Form(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkin/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            var (link, language) = await checkIns.OpenAsync(token, allowEnded: false, call.CancellationToken);
            var words = wording.In(language ?? AcceptedLanguage(request));
            if (link.Value is not { } stored)
            {
                return CheckInPages.Refusal(link.Failure!, html: true, words);
            }

            var library = await libraries.GetVersionAsync(stored.Value.LibraryVersion, call.CancellationToken);
            return CheckInPages.Form(stored.Value, library, await checkIns.WindowAsync(stored.Value, call.CancellationToken), words);
        }, cancellationToken);

    [Function("SubmitCheckIn")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkin/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            var fromForm = request.HasFormContentType;
            var (link, language) = await checkIns.OpenAsync(token, allowEnded: false, call.CancellationToken);
            var words = wording.In(language ?? AcceptedLanguage(request));
            if (link.Value is not { Value: var prescription })
            {
                return CheckInPages.Refusal(link.Failure!, fromForm, words);
            }

            var body = fromForm ? await CheckInFormReader.ReadAsync(request, call.CancellationToken) : await call.ReadJsonAsync<CheckInBody>(CheckInFormReader.MaxBytes);
            var (now, errors) = (clock.GetUtcNow(), new ValidationErrors());
            var window = await checkIns.WindowAsync(prescription, call.CancellationToken);
            if (CheckInValidator.ToCheckIn(body, window, now, words, errors) is not { } checkIn)
            {
                return fromForm
                    ? CheckInPages.Form(prescription, await libraries.GetVersionAsync(prescription.LibraryVersion, call.CancellationToken), window, words, body, errors.ToDictionary())
                    : throw new ApiProblemException(Problems.Validation(errors.ToDictionary()));
            }

            var replaced = await checkIns.RecordAsync(prescription, checkIn, Actor.Patient(call.CorrelationId), call.CancellationToken);
            return fromForm ? CheckInPages.Received(checkIn, replaced, words) : ApiResult.Json(checkIn, replaced ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        }, cancellationToken);

    [Function("GetCheckInOptOut")]
    public Task<IActionResult> OptOutPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkin/{token}/optout")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            // A GET only asks: mail scanners follow links, and must not unsubscribe anyone.
            var (link, language) = await checkIns.OpenAsync(token, allowEnded: true, call.CancellationToken);
            var words = wording.In(language ?? AcceptedLanguage(request));
            return link.Succeeded ? CheckInPages.OptOutConfirm(words) : CheckInPages.Refusal(link.Failure!, html: true, words);
        }, cancellationToken);

    [Function("CheckInOptOut")]
    public Task<IActionResult> OptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkin/{token}/optout")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            var (link, language) = await checkIns.OpenAsync(token, allowEnded: true, call.CancellationToken);
            var words = wording.In(language ?? AcceptedLanguage(request));
            if (link.Value is not { } stored)
            {
                return CheckInPages.Refusal(link.Failure!, html: true, words);
            }

            (await checkIns.OptOutAsync(stored, Actor.Patient(call.CorrelationId), call.CancellationToken)).OrThrow();
            return CheckInPages.OptedOut(words);
        }, cancellationToken);

    [Function("ListCheckIns")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/checkins")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
            ApiResult.Json(await checkIns.SummaryAsync((await ownPrescriptions.FindAsync(call, prescriptionId)).Value, call.CancellationToken)), cancellationToken);

    /// <summary>The browser's first language, for a link we cannot tie to a patient (an unknown one): better than English for everyone.</summary>
    private static string? AcceptedLanguage(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages)
            ? languages.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value).FirstOrDefault(l => l is not null && l != "*")
            : null;
}
