namespace Prescriptions.Domain.Library;

public sealed partial record Exercise
{
    /// <summary>
    /// The exercise's words for a reader of <paramref name="language"/> (a BCP 47 tag, any case; "es-MX" reads the
    /// "es" translation): the translation of its primary language when the library has one, otherwise the English.
    /// </summary>
    public ExerciseWording WordingIn(string? language) =>
        LanguageIn(language) is var served && served != ExerciseLanguage.English && Translations.TryGetValue(served, out var translation)
            ? translation
            : OwnWording;

    /// <summary>The language <see cref="WordingIn"/> answers in for <paramref name="language"/>: its primary language, or "en".</summary>
    public string LanguageIn(string? language) =>
        ExerciseLanguage.PrimaryOf(language) is { } primary && primary != ExerciseLanguage.English && Translations.ContainsKey(primary)
            ? primary
            : ExerciseLanguage.English;

    private ExerciseWording OwnWording => new()
    {
        Name = Name,
        Summary = Summary,
        Instructions = Instructions,
        Cues = Cues,
        Safety = Safety,
    };
}
