using System.Net;
using System.Text;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.FollowUps;

/// <summary>
/// The patient's pages: one self-contained HTML document each (inline styles, no scripts, no external assets), large
/// touch targets, real labels and fieldsets, so they work on any phone and with a screen reader.
/// </summary>
public static class CheckInPage
{
    /// <summary>No scripts, no outside resources, no framing; the page posts only to itself.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#fff;margin:0;padding:1rem;max-width:40rem}" +
        "h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}label,legend{display:block;font-weight:600;margin-top:1rem}" +
        "input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;margin-top:.25rem;border:2px solid #555;border-radius:4px}" +
        "input[type=radio]{width:auto;margin-right:.5rem}fieldset{border:0;padding:0;margin:0}.choice{display:flex;align-items:center;font-weight:400;margin-top:.5rem}" +
        "button{font:inherit;font-weight:600;margin-top:1.5rem;padding:.8rem 1.5rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;min-height:48px}" +
        ":focus{outline:3px solid #f5a623;outline-offset:2px}.error{color:#b00020;font-weight:600}.hint{color:#444;font-size:.95rem}" +
        "ol{padding-left:1.25rem}li{margin-bottom:.25rem}.exercise{border-top:1px solid #ccc;padding-top:.5rem}";

    public sealed record FormValues(string Date, string CompletedSessions, string PainNow, string PainDuringExercise, string Difficulty, string Comment);

    public static string Form(
        string? firstName,
        IReadOnlyList<PrescriptionItem> items,
        ExerciseLibrary library,
        FormValues values,
        IReadOnlyDictionary<string, string[]>? errors,
        string maxDate,
        string minDate)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(values);
        var html = new StringBuilder();
        Open(html, "Your exercises and check-in");
        html.Append("<h1>").Append(E(string.IsNullOrWhiteSpace(firstName) ? "Hello" : $"Hello {firstName}")).Append("</h1>");
        if (errors is { Count: > 0 })
        {
            html.Append("<div role=\"alert\"><p class=\"error\">Please check the answers marked below.</p></div>");
        }

        html.Append("<h2 id=\"checkin\">How is it going?</h2>")
            .Append("<form method=\"post\" novalidate aria-labelledby=\"checkin\">");
        Field(html, "date", "Date of this check-in", $"<input id=\"date\" name=\"date\" type=\"date\" required min=\"{E(minDate)}\" max=\"{E(maxDate)}\" value=\"{E(values.Date)}\"{Described("date", errors)}>", errors);
        Field(html, "completedSessions", "Exercise sessions done since your last check-in",
            $"<input id=\"completedSessions\" name=\"completedSessions\" type=\"number\" inputmode=\"numeric\" required min=\"0\" max=\"21\" value=\"{E(values.CompletedSessions)}\"{Described("completedSessions", errors)}>", errors);
        Field(html, "painNow", "Pain right now, from 0 (none) to 10 (worst imaginable)", PainSelect("painNow", values.PainNow, errors), errors);
        Field(html, "painDuringExercise", "Pain during the exercises, from 0 to 10", PainSelect("painDuringExercise", values.PainDuringExercise, errors), errors);

        html.Append("<fieldset").Append(Described("difficulty", errors)).Append("><legend>How did the exercises feel?</legend>");
        foreach (var (value, label) in new[] { ("ok", "About right"), ("tooEasy", "Too easy"), ("tooHard", "Too hard") })
        {
            html.Append("<label class=\"choice\"><input type=\"radio\" name=\"difficulty\" value=\"").Append(value).Append('"')
                .Append(values.Difficulty == value ? " checked" : string.Empty).Append('>').Append(E(label)).Append("</label>");
        }

        Errors(html, "difficulty", errors);
        html.Append("</fieldset>");
        Field(html, "comment", "Anything you want your physiotherapist to know (optional)",
            $"<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"1000\"{Described("comment", errors)}>{E(values.Comment)}</textarea>", errors);
        html.Append("<button type=\"submit\">Send check-in</button></form>");

        html.Append("<h2>Your exercises</h2>");
        foreach (var item in items)
        {
            var exercise = library.FindExercise(item.ExerciseId);
            html.Append("<section class=\"exercise\"><h3>").Append(E(item.Name)).Append("</h3><p>").Append(E(DoseInstructions.PatientText(item.Dose))).Append("</p>");
            if (exercise is not null)
            {
                html.Append("<ol>");
                foreach (var step in exercise.Instructions)
                {
                    html.Append("<li>").Append(E(step)).Append("</li>");
                }

                html.Append("</ol>");
                foreach (var safety in exercise.Safety)
                {
                    html.Append("<p class=\"hint\">").Append(E(safety)).Append("</p>");
                }
            }

            if (!string.IsNullOrWhiteSpace(item.Notes))
            {
                html.Append("<p class=\"hint\">From your physiotherapist: ").Append(E(item.Notes)).Append("</p>");
            }

            html.Append("</section>");
        }

        html.Append("<p class=\"hint\">Stop if pain is sharp or keeps rising, and contact your physiotherapist.</p>");
        return Close(html);
    }

    public static string Message(string title, string text)
    {
        var html = new StringBuilder();
        Open(html, title);
        html.Append("<h1>").Append(E(title)).Append("</h1><p>").Append(E(text)).Append("</p>");
        return Close(html);
    }

    public static string OptOutConfirm()
    {
        var html = new StringBuilder();
        Open(html, "Stop the emails");
        html.Append("<h1>Stop the emails?</h1><p>You will get no more reminders or check-in requests for this programme. You can still use your check-in link.</p>")
            .Append("<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Stop the emails</button></form>");
        return Close(html);
    }

    private static void Open(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>");

    private static string Close(StringBuilder html) => html.Append("</main></body></html>").ToString();

    private static void Field(StringBuilder html, string name, string label, string control, IReadOnlyDictionary<string, string[]>? errors)
    {
        html.Append("<label for=\"").Append(name).Append("\">").Append(E(label)).Append("</label>").Append(control);
        Errors(html, name, errors);
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

    private static string PainSelect(string name, string selected, IReadOnlyDictionary<string, string[]>? errors)
    {
        var html = new StringBuilder($"<select id=\"{name}\" name=\"{name}\" required{Described(name, errors)}><option value=\"\">Choose</option>");
        for (var i = 0; i <= 10; i++)
        {
            var value = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            html.Append("<option value=\"").Append(value).Append('"').Append(selected == value ? " selected" : string.Empty).Append('>').Append(value)
                .Append(i switch { 0 => " - no pain", 10 => " - worst imaginable", _ => string.Empty }).Append("</option>");
        }

        return html.Append("</select>").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
