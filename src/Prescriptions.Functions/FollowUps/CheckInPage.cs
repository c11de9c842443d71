using System.Globalization;
using System.Net;
using System.Text;
using Prescriptions.Application.Language;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Library;

namespace Prescriptions.Functions.FollowUps;

/// <summary>
/// The patient's pages: one self-contained HTML document each (inline styles, no scripts, no external assets), large
/// touch targets, real labels and fieldsets, so they work on any phone and with a screen reader. The link opens the
/// programme first (each exercise's dose, steps, safety and the therapist's notes), with the check-in one tap away at
/// <c>#checkin</c> on the same page. Every word comes from <see cref="PatientWords"/>, in the patient's language.
/// </summary>
public static class CheckInPage
{
    /// <summary>No scripts, no outside resources, no framing; the page posts only to itself.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#fff;margin:0;padding:1rem;max-width:40rem}" +
        "h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.4rem;margin-top:2rem}h3{font-size:1.1rem;margin:.75rem 0 .25rem}h4{font-size:1rem;margin:.5rem 0 0}" +
        "label,legend{display:block;font-weight:600;margin-top:1.25rem}legend{padding:0}fieldset{border:0;padding:0;margin:1.25rem 0 0}fieldset legend{margin-top:0}" +
        "input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;margin-top:.25rem;border:2px solid #555;border-radius:4px;min-height:48px}" +
        "input[type=radio]{width:1.5rem;height:1.5rem;min-height:0;margin:0 .75rem 0 0;flex:none}" +
        "#checkin{border-top:4px solid #0b5cad;padding-top:1rem;margin-top:2.5rem}" +
        ".choice{display:flex;align-items:center;font-weight:400;margin-top:.25rem;min-height:48px}" +
        "button,.button{display:inline-block;font:inherit;font-weight:600;margin-top:1.5rem;padding:.8rem 1.5rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;min-height:48px;box-sizing:border-box;text-decoration:none}" +
        ":focus{outline:3px solid #b35c00;outline-offset:2px}.error{color:#b00020;font-weight:600;margin:.25rem 0}.hint{color:#444;font-size:1rem;margin:.25rem 0}" +
        "ol,ul{padding-left:1.5rem}li{margin-bottom:.25rem}.exercise{border-top:1px solid #ccc;padding-top:.25rem;margin-top:1rem}" +
        ".dose{font-weight:600}.care{background:#fff4e5;border-left:4px solid #b35c00;padding:.25rem .75rem}.note{background:#eef5fc;border-left:4px solid #0b5cad;padding:.5rem .75rem}";

    public sealed record FormValues(string Date, string CompletedSessions, string PainNow, string PainDuringExercise, string Difficulty, string Comment);

    public static string Form(
        PatientWords words,
        string? firstName,
        IReadOnlyList<PrescriptionItem> items,
        ExerciseLibrary library,
        CheckInWindow window,
        FormValues values,
        IReadOnlyDictionary<string, string[]>? errors)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(values);
        var html = new StringBuilder();
        Open(html, words, words["Page_Title"]);
        html.Append("<h1>").Append(E(string.IsNullOrWhiteSpace(firstName) ? words["Page_HelloNoName"] : words.Format("Page_Hello", firstName))).Append("</h1>");
        if (errors is { Count: > 0 })
        {
            html.Append("<div role=\"alert\"><p class=\"error\"><a href=\"#checkin\">").Append(E(words["CheckIn_FixAnswers"])).Append("</a></p></div>");
        }

        html.Append("<p>").Append(E(words["Page_Intro"])).Append("</p>");
        html.Append("<p><a class=\"button\" href=\"#checkin\">").Append(E(words["Page_GoToCheckIn"])).Append("</a></p>");
        html.Append("<h2>").Append(E(words["Page_Title"])).Append("</h2>");
        foreach (var item in items)
        {
            Exercise(html, words, item, library.FindExercise(item.ExerciseId));
        }

        html.Append("<p class=\"care\">").Append(E(words["Page_StopRule"])).Append("</p>");
        html.Append("<h2 id=\"checkin\" tabindex=\"-1\">").Append(E(words["CheckIn_Heading"])).Append("</h2>");
        if (!window.HasStarted)
        {
            html.Append("<p>").Append(E(words.Format("CheckIn_NotYet", words.Date(window.FirstDay)))).Append("</p>");
            return Close(html);
        }

        html.Append("<form method=\"post\" novalidate aria-labelledby=\"checkin\">");
        DayChoice(html, words, window, values.Date, errors);
        Field(html, "completedSessions", words["CheckIn_Sessions"],
            $"<input id=\"completedSessions\" name=\"completedSessions\" type=\"number\" inputmode=\"numeric\" required min=\"0\" max=\"21\" value=\"{E(values.CompletedSessions)}\"{Described("completedSessions", errors)}>", errors);
        Field(html, "painNow", words["CheckIn_PainNow"], PainSelect(words, "painNow", values.PainNow, errors), errors,
            $"<p class=\"hint\" id=\"pain-hint\">{E(words["CheckIn_PainHint"])}</p>");
        Field(html, "painDuringExercise", words["CheckIn_PainDuring"], PainSelect(words, "painDuringExercise", values.PainDuringExercise, errors), errors);

        html.Append("<fieldset").Append(Described("difficulty", errors)).Append("><legend>").Append(E(words["CheckIn_Feel"])).Append("</legend>");
        Errors(html, "difficulty", errors);
        foreach (var (value, key) in new[] { ("ok", "Feel_Ok"), ("tooEasy", "Feel_TooEasy"), ("tooHard", "Feel_TooHard") })
        {
            html.Append("<label class=\"choice\"><input type=\"radio\" name=\"difficulty\" value=\"").Append(value).Append('"')
                .Append(values.Difficulty == value ? " checked" : string.Empty).Append('>').Append(E(words[key])).Append("</label>");
        }

        html.Append("</fieldset>");
        Field(html, "comment", words["CheckIn_Comment"],
            $"<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"1000\"{Described("comment", errors)}>{E(values.Comment)}</textarea>", errors);
        html.Append("<button type=\"submit\">").Append(E(words["CheckIn_Send"])).Append("</button></form>");
        return Close(html);
    }

    public static string Message(PatientWords words, string title, string text, bool backToProgramme = false)
    {
        ArgumentNullException.ThrowIfNull(words);
        var html = new StringBuilder();
        Open(html, words, title);
        html.Append("<h1>").Append(E(title)).Append("</h1><p>").Append(E(text)).Append("</p>");
        if (backToProgramme)
        {
            // The form posted to this same address: a GET of it is the programme again.
            html.Append("<p><a class=\"button\" href=\"\">").Append(E(words["Thanks_Back"])).Append("</a></p>");
        }

        return Close(html);
    }

    public static string OptOutConfirm(PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var html = new StringBuilder();
        Open(html, words, words["OptOut_Title"]);
        html.Append("<h1>").Append(E(words["OptOut_Title"])).Append("</h1><p>").Append(E(words["OptOut_Text"])).Append("</p>")
            .Append("<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">").Append(E(words["OptOut_Button"])).Append("</button></form>");
        return Close(html);
    }

    private static void Exercise(StringBuilder html, PatientWords words, PrescriptionItem item, Exercise? exercise)
    {
        var wording = exercise is null ? null : PatientExerciseText.For(exercise, words.Tag);
        var lang = exercise is null ? null : PatientExerciseText.LangAttributeFor(exercise, words.Tag);
        // Texts the library has not translated are English inside a page in another language: marked so, for screen readers.
        var langAttribute = lang is null ? string.Empty : $" lang=\"{E(lang)}\"";
        html.Append("<section class=\"exercise\"><h3").Append(langAttribute).Append('>').Append(E(wording?.Name ?? item.Name)).Append("</h3>");
        if (wording is not null)
        {
            html.Append("<p").Append(langAttribute).Append('>').Append(E(wording.Summary)).Append("</p>");
        }

        html.Append("<p class=\"dose\">").Append(E(words.Format("Page_HowMuch", PatientDose.Text(item.Dose, words)))).Append("</p>");
        if (wording is not null)
        {
            List(html, words["Page_Steps"], wording.Instructions, ordered: true, cssClass: null, langAttribute);
            List(html, words["Page_Tips"], wording.Cues, ordered: false, cssClass: null, langAttribute);
            List(html, words["Page_TakeCare"], wording.Safety, ordered: false, cssClass: "care", langAttribute);
        }

        if (!string.IsNullOrWhiteSpace(item.Notes))
        {
            html.Append("<p class=\"note\">").Append(E(words.Format("Page_FromTherapist", item.Notes.Trim()))).Append("</p>");
        }

        html.Append("</section>");
    }

    private static void List(StringBuilder html, string heading, IReadOnlyList<string> lines, bool ordered, string? cssClass, string langAttribute)
    {
        if (lines.Count == 0)
        {
            return;
        }

        html.Append(cssClass is null ? "<div>" : $"<div class=\"{cssClass}\">").Append("<h4>").Append(E(heading)).Append("</h4>").Append(ordered ? "<ol" : "<ul").Append(langAttribute).Append('>');
        foreach (var line in lines)
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        html.Append(ordered ? "</ol>" : "</ul>").Append("</div>");
    }

    private static void Open(StringBuilder html, PatientWords words, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"").Append(E(words.Tag)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>");

    private static string Close(StringBuilder html) => html.Append("</main></body></html>").ToString();

    /// <summary>The question, its hint, the reason it was refused (read before the answer, as a screen reader reads it), then the answer.</summary>
    private static void Field(StringBuilder html, string name, string label, string control, IReadOnlyDictionary<string, string[]>? errors, string hint = "")
    {
        html.Append("<label for=\"").Append(name).Append("\">").Append(E(label)).Append("</label>").Append(hint);
        Errors(html, name, errors);
        html.Append(control);
    }

    private static void Errors(StringBuilder html, string name, IReadOnlyDictionary<string, string[]>? errors)
    {
        if (errors is not null && errors.TryGetValue(name, out var messages))
        {
            html.Append("<p class=\"error\" id=\"").Append(name).Append("-error\">").Append(E(string.Join(" ", messages))).Append("</p>");
        }
    }

    private static string Described(string name, IReadOnlyDictionary<string, string[]>? errors) =>
        errors is not null && errors.ContainsKey(name) ? $" aria-invalid=\"true\" aria-describedby=\"{name}-error\"" : string.Empty;

    /// <summary>
    /// The days the patient may report (today, yesterday and the rest of the last week not yet reported), by name, as
    /// radio buttons: a long day name wraps where a drop-down would cut it, and each day is one tap.
    /// </summary>
    private static void DayChoice(StringBuilder html, PatientWords words, CheckInWindow window, string selected, IReadOnlyDictionary<string, string[]>? errors)
    {
        html.Append("<fieldset id=\"date\"").Append(Described("date", errors)).Append("><legend>").Append(E(words["CheckIn_Day"])).Append("</legend>");
        Errors(html, "date", errors);
        foreach (var day in window.Days)
        {
            var value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var label = day == window.Today ? words.Format("CheckIn_Today", words.DayAndMonth(day))
                : day == window.Today.AddDays(-1) ? words.Format("CheckIn_Yesterday", words.DayAndMonth(day))
                : Capitalised(words.DayAndMonth(day), words);
            html.Append("<label class=\"choice\"><input type=\"radio\" name=\"date\" value=\"").Append(value).Append('"')
                .Append(selected == value ? " checked" : string.Empty).Append('>').Append(E(label)).Append("</label>");
        }

        html.Append("</fieldset>");
    }

    private static string PainSelect(PatientWords words, string name, string selected, IReadOnlyDictionary<string, string[]>? errors)
    {
        var described = errors is not null && errors.ContainsKey(name) ? $" aria-invalid=\"true\" aria-describedby=\"{name}-error pain-hint\"" : " aria-describedby=\"pain-hint\"";
        var html = new StringBuilder($"<select id=\"{name}\" name=\"{name}\" required{described}><option value=\"\">{E(words["Pain_Choose"])}</option>");
        for (var i = 0; i <= 10; i++)
        {
            var value = i.ToString(CultureInfo.InvariantCulture);
            var label = i switch { 0 => words.Format("Pain_None", value), 10 => words.Format("Pain_Worst", value), _ => value };
            html.Append("<option value=\"").Append(value).Append('"').Append(selected == value ? " selected" : string.Empty).Append('>').Append(E(label)).Append("</option>");
        }

        return html.Append("</select>").ToString();
    }

    /// <summary>Spanish and French write weekdays in lower case; a list entry still starts with a capital.</summary>
    private static string Capitalised(string text, PatientWords words) =>
        text.Length == 0 ? text : char.ToUpper(text[0], words.Culture) + text[1..];

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
