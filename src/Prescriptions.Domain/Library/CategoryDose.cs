using System.Collections.ObjectModel;

namespace Prescriptions.Domain.Library;

/// <summary>
/// How a phase doses one group of categories (resistance work, stretches, walking), overriding the phase's
/// general profile for them. Values left out fall back to the general profile, then to the exercise.
/// </summary>
public sealed record CategoryDose
{
    public required IReadOnlyList<ExerciseCategory> Categories { get; init; }
    public int? Sets { get; init; }
    public int? Reps { get; init; }
    public int? HoldSeconds { get; init; }
    public int? DurationSeconds { get; init; }
    public int? RestSeconds { get; init; }
    public int? Rpe { get; init; }
    public HeartRateReserve? HeartRateReserve { get; init; }
    public int? SessionsPerDay { get; init; }
    public int? DaysPerWeek { get; init; }

    /// <summary>When to stop or not start a session (blood pressure, heart rate, symptoms), shown with each item.</summary>
    public IReadOnlyList<string> StopRules { get; init; } = [];

    /// <summary>The stop rules in other languages, keyed by language ("es"); read them with <see cref="StopRulesIn"/>.</summary>
    public IReadOnlyDictionary<string, StopRulesWording> Translations { get; init; } = ReadOnlyDictionary<string, StopRulesWording>.Empty;

    /// <summary>
    /// The stop rules for a reader of <paramref name="language"/> (a BCP 47 tag, any case; "es-MX" reads the "es"
    /// translation), as <see cref="Exercise.WordingIn"/> picks an exercise's words: the translation of its primary
    /// language when there is one, otherwise the English.
    /// </summary>
    public IReadOnlyList<string> StopRulesIn(string? language) =>
        ExerciseLanguage.PrimaryOf(language) is { } primary && primary != ExerciseLanguage.English && Translations.TryGetValue(primary, out var translation)
            ? translation.StopRules
            : StopRules;
}
