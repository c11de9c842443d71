using System.Text.RegularExpressions;

namespace Prescriptions.Domain.Library;

/// <summary>
/// The language tags the library understands: a translation is keyed by a primary language subtag ("es"), and a
/// reader's BCP 47 tag ("es-MX", "ES") is served by the translation of its primary language.
/// </summary>
public static partial class ExerciseLanguage
{
    /// <summary>The language of an exercise's own texts.</summary>
    public const string English = "en";

    /// <summary>Whether a text is a BCP 47 tag in form (a 2-3 letter language, then subtags of 1-8 letters or digits).</summary>
    public static bool IsTag(string? tag) => tag is not null && Tag().IsMatch(tag);

    /// <summary>Whether a text may key a translation: a lower-case 2-3 letter language subtag other than English.</summary>
    public static bool IsTranslationKey(string key) => TranslationKey().IsMatch(key) && key != English;

    /// <summary>The lower-case primary language of a tag ("es-MX" is "es"), or null when there is no tag in form.</summary>
    public static string? PrimaryOf(string? tag) =>
        IsTag(tag) ? tag!.Split('-')[0].ToLowerInvariant() : null;

    // \z, not $: a trailing newline is not part of a tag.
    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\z")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[a-z]{2,3}\z")]
    private static partial Regex TranslationKey();
}
