using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.FollowUps;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// The patient's side (no account, a signed link): the check-in form with their programme, the check-in itself (form
/// or JSON), and the opt-out. A forged token, or one for a prescription that does not exist, is 404; an expired one,
/// or one whose programme has ended, is 410. Neither says more.
/// </summary>
public sealed class CheckInFunctions(
    ApiHandler api,
    CheckInLinks links,
    IPrescriptionRepository prescriptions,
    OwnPrescriptions ownPrescriptions,
    IFollowUpRecords records,
    ILibraryProvider libraries,
    CheckInService checkIns,
    TimeProvider clock)
{
    private const int MaxFormBytes = 16 * 1024;

    [Function("GetCheckInForm")]
    public Task<IActionResult> Form(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkin/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            var (stored, refusal) = await ResolveAsync(token, html: true, call.CancellationToken);
            if (stored is null)
            {
                return refusal!;
            }

            var prescription = stored.Value;
            var (today, _) = Days(prescription, clock.GetUtcNow());
            var values = new CheckInPage.FormValues(Iso(today), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
            return await FormPageAsync(prescription, values, null, StatusCodes.Status200OK, call.CancellationToken);
        }, cancellationToken);

    [Function("SubmitCheckIn")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkin/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            var fromForm = request.HasFormContentType;
            var (stored, refusal) = await ResolveAsync(token, fromForm, call.CancellationToken);
            if (stored is null)
            {
                return refusal!;
            }

            var prescription = stored.Value;
            var body = fromForm ? await ReadFormAsync(request, call.CancellationToken) : await call.ReadJsonAsync<CheckInBody>(MaxFormBytes);
            var now = clock.GetUtcNow();
            var (today, earliest) = Days(prescription, now);
            var errors = new ValidationErrors();
            var checkIn = CheckInValidator.ToCheckIn(body, today, earliest, now, errors);
            if (checkIn is null)
            {
                if (!fromForm)
                {
                    errors.ThrowIfAny();
                }

                var values = new CheckInPage.FormValues(body.Date ?? Iso(today), Text(body.CompletedSessions), Text(body.PainNow), Text(body.PainDuringExercise), body.Difficulty ?? string.Empty, body.Comment ?? string.Empty);
                return await FormPageAsync(prescription, values, errors.ToDictionary(), StatusCodes.Status400BadRequest, call.CancellationToken);
            }

            var replaced = await checkIns.RecordAsync(prescription, checkIn, Actor.Patient(call.CorrelationId), call.CancellationToken);
            if (fromForm)
            {
                return Html(CheckInPage.Message("Thank you", replaced
                    ? $"Your check-in for {checkIn.Date:d MMMM yyyy} has been updated. Your physiotherapist will see it."
                    : $"Your check-in for {checkIn.Date:d MMMM yyyy} has been sent. Your physiotherapist will see it."), StatusCodes.Status200OK);
            }

            return ApiResult.Json(checkIn, replaced ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        }, cancellationToken);

    [Function("GetCheckInOptOut")]
    public Task<IActionResult> OptOutPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkin/{token}/optout")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            // A GET only asks: mail scanners follow links, and must not unsubscribe anyone.
            var (stored, refusal) = await ResolveAsync(token, html: true, call.CancellationToken, allowEnded: true);
            return stored is null ? refusal! : Html(CheckInPage.OptOutConfirm(), StatusCodes.Status200OK);
        }, cancellationToken);

    [Function("CheckInOptOut")]
    public Task<IActionResult> OptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkin/{token}/optout")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, async call =>
        {
            var (stored, refusal) = await ResolveAsync(token, html: true, call.CancellationToken, allowEnded: true);
            if (stored is null)
            {
                return refusal!;
            }

            (await checkIns.OptOutAsync(stored, Actor.Patient(call.CorrelationId), call.CancellationToken)).OrThrow();
            return Html(CheckInPage.Message("You will get no more emails", "We have stopped the reminders and check-in requests for this programme. You can still use your check-in link."), StatusCodes.Status200OK);
        }, cancellationToken);

    [Function("ListCheckIns")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "prescriptions/{prescriptionId}/checkins")] HttpRequest request,
        string prescriptionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Prescribers, async call =>
        {
            var stored = await ownPrescriptions.FindAsync(call, prescriptionId);
            var prescription = stored.Value;
            var checkIns = await records.CheckInsAsync(prescription.ClinicId, prescription.Id, call.CancellationToken);
            var alerts = await records.AlertsAsync(prescription.ClinicId, prescription.Id, call.CancellationToken);
            var adherence = Adherence.Compute(prescription, checkIns, Adherence.LocalDate(clock.GetUtcNow(), prescription));
            return ApiResult.Json(new CheckInSummary(prescription.Id, [.. checkIns.OrderByDescending(c => c.Date)], adherence, alerts));
        }, cancellationToken);

    /// <summary>The prescription a token names, or the page (or problem) that refuses it.</summary>
    private async Task<(Versioned<Prescription>? Stored, IActionResult? Refusal)> ResolveAsync(string token, bool html, CancellationToken cancellationToken, bool allowEnded = false)
    {
        var (status, claims) = links.Read(token, clock.GetUtcNow());
        var stored = status == CheckInTokenStatus.Invalid ? null : await prescriptions.FindAsync(claims!.ClinicId, claims.PrescriptionId, cancellationToken);
        if (stored is null)
        {
            return (null, html
                ? Html(CheckInPage.Message("Link not found", "This link is not one we know. Please use the link in your most recent email."), StatusCodes.Status404NotFound)
                : ApiResult.Problem(Problems.NotFound("This check-in link is not one we know.")));
        }

        if (status == CheckInTokenStatus.Expired || (!allowEnded && stored.Value.Status != PrescriptionStatus.Active))
        {
            return (null, html
                ? Html(CheckInPage.Message("This link has expired", "This link is no longer in use. Your next email from us will bring a new one; if your programme has ended, your physiotherapist will tell you what comes next."), StatusCodes.Status410Gone)
                : ApiResult.Problem(Problems.Gone("This check-in link is no longer in use.")));
        }

        return (stored, null);
    }

    private async Task<IActionResult> FormPageAsync(Prescription prescription, CheckInPage.FormValues values, IReadOnlyDictionary<string, string[]>? errors, int status, CancellationToken cancellationToken)
    {
        var library = await libraries.GetVersionAsync(prescription.LibraryVersion, cancellationToken);
        var (today, earliest) = Days(prescription, clock.GetUtcNow());
        return Html(CheckInPage.Form(prescription.FollowUp?.FirstName, prescription.Items, library, values, errors, Iso(today), Iso(earliest)), status);
    }

    /// <summary>The days a check-in may name, in the patient's calendar: from the programme's first day (at most 14 days back) to today.</summary>
    private static (DateOnly Today, DateOnly Earliest) Days(Prescription prescription, DateTimeOffset now)
    {
        var today = Adherence.LocalDate(now, prescription);
        var firstDay = Adherence.LocalDate(prescription.ActivatedAt ?? prescription.CreatedAt, prescription);
        var limit = today.AddDays(-CheckIn.MaxAgeDays);
        return (today, firstDay > limit ? firstDay : limit);
    }

    private static async Task<CheckInBody> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { BufferBodyLengthLimit = MaxFormBytes, ValueCountLimit = 20, KeyLengthLimit = 64, ValueLengthLimit = 4096 }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw new ApiProblemException(Problems.PayloadTooLarge(MaxFormBytes));
        }

        static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        string? Value(string name) => form.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;
        return new CheckInBody
        {
            Date = Value("date"),
            CompletedSessions = Number(Value("completedSessions")),
            PainNow = Number(Value("painNow")),
            PainDuringExercise = Number(Value("painDuringExercise")),
            Difficulty = Value("difficulty"),
            Comment = Value("comment"),
        };
    }

    private static ApiResult Html(string html, int status) => ApiResult.Content(html, "text/html; charset=utf-8", status, new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = CheckInPage.ContentSecurityPolicy,
        ["Cache-Control"] = "no-store",

        // The token is in the address: it must not leak to any other site.
        ["Referrer-Policy"] = "no-referrer",
        ["X-Content-Type-Options"] = "nosniff",
    });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
