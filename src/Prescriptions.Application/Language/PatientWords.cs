using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Prescriptions.Application.Language;

/// <summary>
/// The patient texts in one patient's language: each lookup runs under that culture (the localizer reads the ambient UI
/// culture), so nothing else on the thread changes language; dates and numbers are formatted for it too.
/// </summary>
public sealed class PatientWords(IStringLocalizer localizer, CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    /// <summary>The tag for <c>lang</c> and <c>Content-Language</c> ("es", "de-CH").</summary>
    public string Tag => Culture.Name;

    public string this[string key] => Lookup(key).Value;

    /// <summary>The text of <paramref name="key"/>, or null when the resources have none (a band colour we do not know).</summary>
    public string? Find(string key) => Lookup(key) is { ResourceNotFound: false } found ? found.Value : null;

    public string Format(string key, params object[] values) => string.Format(Culture, this[key], values);

    /// <summary>A day as the patient's language writes it ("7 December 2026", "7 de diciembre de 2026", "7. Dezember 2026").</summary>
    public string Date(DateOnly date) => date.ToString(this["Pattern_Date"], Culture);

    /// <summary>A day without its year, for the last week's days ("Monday 7 December" in the language's order).</summary>
    public string DayAndMonth(DateOnly date) => date.ToString(this["Pattern_DayAndMonth"], Culture);

    public string Number(double value) => value.ToString("0.##", Culture);

    private LocalizedString Lookup(string key)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture;
        try
        {
            return localizer[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
