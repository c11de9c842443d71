using System.Globalization;
using System.Text;

namespace Prescriptions.Domain.Patients;

/// <summary>
/// Names as the search compares them: split on spaces and hyphens, lower case, diacritics removed (FormD without its
/// non-spacing marks, so "Müller" is "muller"), and only letters and digits kept (table keys forbid / \ # ?).
/// </summary>
public static class PatientNames
{
    private static readonly char[] Separators = [' ', '-', '\t', '\u00A0', '\u2010', '\u2011'];

    /// <summary>The distinct tokens of a name, in order of sort.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        text is null ? [] : [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static string Normalize(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var plain = new StringBuilder(token.Length);
        foreach (var c in token.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(c))
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
