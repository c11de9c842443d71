using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Language;

/// <summary>
/// The one door every exercise text a patient reads goes through: the library's wording in the patient's language,
/// English where the library has no translation for it (<see cref="Exercise.WordingIn"/>).
/// </summary>
public static class PatientExerciseText
{
    public static ExerciseWording For(Exercise exercise, string language)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.WordingIn(language);
    }

    /// <summary>
    /// The <c>lang</c> an exercise's texts need on a page in <paramref name="language"/>: null when they are in the page's
    /// own language, "en" when the library fell back to English (a screen reader then reads them with English rules).
    /// </summary>
    public static string? LangAttributeFor(Exercise exercise, string language)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var served = exercise.LanguageIn(language);
        return string.Equals(served, PatientLanguage.CultureFor(language).TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase) ? null : served;
    }
}
