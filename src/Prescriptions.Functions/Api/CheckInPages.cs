using System.Globalization;
using Microsoft.AspNetCore.Http;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Language;
using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.FollowUps;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// How the patient's side answers in HTML, in the patient's language (Content-Language and lang say which): the
/// programme with its check-in, the messages, and a refused link (the JSON client gets a problem).
/// </summary>
public static class CheckInPages
{
    public static ApiResult Refusal(Failure failure, bool html, PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(words);
        if (!html)
        {
            return ApiResult.Problem(OutcomeProblems.ToProblem(failure));
        }

        return failure.Kind == FailureKind.NotFound
            ? Html(CheckInPage.Message(words, words["NotFound_Title"], words["NotFound_Text"]), StatusCodes.Status404NotFound, words)
            : failure.Detail == CheckInService.ProgrammeEnded
                ? Html(CheckInPage.Message(words, words["Ended_Title"], words["Ended_Text"]), StatusCodes.Status410Gone, words)
                : Html(CheckInPage.Message(words, words["Expired_Title"], words["Expired_Text"]), StatusCodes.Status410Gone, words);
    }

    /// <summary>The programme and its check-in; <paramref name="body"/> and <paramref name="errors"/> refill it after a refused post.</summary>
    public static ApiResult Form(Prescription prescription, ExerciseLibrary library, CheckInWindow window, PatientWords words, CheckInBody? body = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(window);
        var values = new CheckInPage.FormValues(body?.Date ?? Iso(window.Today), Text(body?.CompletedSessions), Text(body?.PainNow), Text(body?.PainDuringExercise), body?.Difficulty ?? string.Empty, body?.Comment ?? string.Empty);
        return Html(CheckInPage.Form(words, prescription.FollowUp?.FirstName, prescription.Items.Where(i => i.Delivery == Delivery.Home).ToList(), library, window, values, errors),
            errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, words);
    }

    public static ApiResult Received(CheckIn checkIn, bool replaced, PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(words);
        return Html(CheckInPage.Message(words, words["Thanks_Title"], words.Format(replaced ? "Thanks_Updated" : "Thanks_Sent", words.Date(checkIn.Date)), backToProgramme: true), StatusCodes.Status200OK, words);
    }

    public static ApiResult OptOutConfirm(PatientWords words) => Html(CheckInPage.OptOutConfirm(words), StatusCodes.Status200OK, words);

    public static ApiResult OptedOut(PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Html(CheckInPage.Message(words, words["OptedOut_Title"], words["OptedOut_Text"]), StatusCodes.Status200OK, words);
    }

    private static ApiResult Html(string html, int status, PatientWords words) => ApiResult.Content(html, "text/html; charset=utf-8", status, new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = CheckInPage.ContentSecurityPolicy,
        ["Cache-Control"] = "no-store",
        ["Content-Language"] = words.Tag,

        // The token is in the address: it must not leak to any other site.
        ["Referrer-Policy"] = "no-referrer",
        ["X-Content-Type-Options"] = "nosniff",
    });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
