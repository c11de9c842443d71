using System.Globalization;

namespace Prescriptions.Application.Language;

/// <summary>
/// The languages patients are written to in, and the culture a patient's BCP 47 tag maps to: the tag itself when its
/// language is one we ship (so "es-MX" keeps Mexican dates), English otherwise.
/// </summary>
public static class PatientLanguage
{
    public const string English = "en";

    /// <summary>The languages with a full set of texts.</summary>
    public static IReadOnlyList<string> Shipped { get; } = [English, "es", "de", "fr"];

    public static CultureInfo CultureFor(string? tag)
    {
        if (!string.IsNullOrWhiteSpace(tag))
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(tag.Trim());
                if (Shipped.Contains(culture.TwoLetterISOLanguageName, StringComparer.Ordinal))
                {
                    return culture;
                }
            }
            catch (CultureNotFoundException)
            {
                // A tag this system does not know is written to in English, like any language we do not ship.
            }
        }

        return CultureInfo.GetCultureInfo(English);
    }
}
