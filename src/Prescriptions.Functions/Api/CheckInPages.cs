using System.Globalization;
using Microsoft.AspNetCore.Http;
using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.FollowUps;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>How the patient's side answers in HTML: the form, the messages, and a refused link (the JSON client gets a problem).</summary>
public static class CheckInPages
{
    public static ApiResult Refusal(Failure failure, bool html)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!html)
        {
            return ApiResult.Problem(OutcomeProblems.ToProblem(failure));
        }

        return failure.Kind == FailureKind.NotFound
            ? Html(CheckInPage.Message("Link not found", "This link is not one we know. Please use the link in your most recent email."), StatusCodes.Status404NotFound)
            : Html(CheckInPage.Message("This link has expired", "This link is no longer in use. Your next email from us will bring a new one; if your programme has ended, your physiotherapist will tell you what comes next."), StatusCodes.Status410Gone);
    }

    /// <summary>The form with the programme; <paramref name="body"/> and <paramref name="errors"/> refill it after a refused post.</summary>
    public static ApiResult Form(Prescription prescription, ExerciseLibrary library, CheckInWindow window, CheckInBody? body = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        var values = new CheckInPage.FormValues(body?.Date ?? Iso(window.Today), Text(body?.CompletedSessions), Text(body?.PainNow), Text(body?.PainDuringExercise), body?.Difficulty ?? string.Empty, body?.Comment ?? string.Empty);
        return Html(CheckInPage.Form(prescription.FollowUp?.FirstName, prescription.Items, library, values, errors, Iso(window.Today), Iso(window.Earliest)),
            errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static ApiResult Received(CheckIn checkIn, bool replaced)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return Html(CheckInPage.Message("Thank you", replaced
            ? $"Your check-in for {checkIn.Date:d MMMM yyyy} has been updated. Your physiotherapist will see it."
            : $"Your check-in for {checkIn.Date:d MMMM yyyy} has been sent. Your physiotherapist will see it."), StatusCodes.Status200OK);
    }

    public static ApiResult OptOutConfirm() => Html(CheckInPage.OptOutConfirm(), StatusCodes.Status200OK);

    public static ApiResult OptedOut() =>
        Html(CheckInPage.Message("You will get no more emails", "We have stopped the reminders and check-in requests for this programme. You can still use your check-in link."), StatusCodes.Status200OK);

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
