namespace Prescriptions.Domain.Library;

/// <summary>A condition's or a phase's name in one language, as a patient reading that language is told it.</summary>
public sealed record NameWording
{
    public required string Name { get; init; }

    /// <summary>The translated name for a reader of <paramref name="language"/> (its primary language, never English), or null to read the English.</summary>
    internal static string? In(IReadOnlyDictionary<string, NameWording> translations, string? language) =>
        ExerciseLanguage.PrimaryOf(language) is { } primary && primary != ExerciseLanguage.English && translations.TryGetValue(primary, out var translation)
            ? translation.Name
            : null;
}
