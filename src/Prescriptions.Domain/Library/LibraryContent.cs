using System.Collections.Immutable;

namespace Prescriptions.Domain.Library;

/// <summary>The whole library as authored: what the publish command validates, hashes and uploads.</summary>
public sealed record LibraryContent(IReadOnlyList<Exercise> Exercises, IReadOnlyList<Condition> Conditions)
{
    /// <summary>The same content in a canonical order (by id, translations by language), so equal content serialises to equal bytes.</summary>
    public LibraryContent Canonical() => new(
        [.. Exercises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(TranslationsInOrder)],
        [.. Conditions.OrderBy(c => c.Id, StringComparer.Ordinal).Select(TranslationsInOrder)]);

    private static Exercise TranslationsInOrder(Exercise exercise) => exercise.Translations.Count < 2
        ? exercise
        : exercise with { Translations = exercise.Translations.ToImmutableSortedDictionary(StringComparer.Ordinal) };

    private static Condition TranslationsInOrder(Condition condition) =>
        condition.Translations.Count < 2 && condition.Phases.All(phase => phase.Translations.Count < 2 && phase.DoseProfile.Categories.All(dose => dose.Translations.Count < 2))
            ? condition
            : condition with { Translations = InOrder(condition.Translations), Phases = [.. condition.Phases.Select(InOrder)] };

    private static Phase InOrder(Phase phase) => phase with
    {
        Translations = InOrder(phase.Translations),
        DoseProfile = phase.DoseProfile with { Categories = [.. phase.DoseProfile.Categories.Select(InOrder)] },
    };

    private static IReadOnlyDictionary<string, NameWording> InOrder(IReadOnlyDictionary<string, NameWording> translations) =>
        translations.Count < 2 ? translations : translations.ToImmutableSortedDictionary(StringComparer.Ordinal);

    private static CategoryDose InOrder(CategoryDose dose) => dose.Translations.Count < 2
        ? dose
        : dose with { Translations = dose.Translations.ToImmutableSortedDictionary(StringComparer.Ordinal) };
}
