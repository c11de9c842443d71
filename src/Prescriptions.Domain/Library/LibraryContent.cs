using System.Collections.Immutable;

namespace Prescriptions.Domain.Library;

/// <summary>The whole library as authored: what the publish command validates, hashes and uploads.</summary>
public sealed record LibraryContent(IReadOnlyList<Exercise> Exercises, IReadOnlyList<Condition> Conditions)
{
    /// <summary>The same content in a canonical order (by id, translations by language), so equal content serialises to equal bytes.</summary>
    public LibraryContent Canonical() => new(
        [.. Exercises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(TranslationsInOrder)],
        [.. Conditions.OrderBy(c => c.Id, StringComparer.Ordinal).Select(StopRuleTranslationsInOrder)]);

    private static Exercise TranslationsInOrder(Exercise exercise) => exercise.Translations.Count < 2
        ? exercise
        : exercise with { Translations = exercise.Translations.ToImmutableSortedDictionary(StringComparer.Ordinal) };

    private static Condition StopRuleTranslationsInOrder(Condition condition) =>
        condition.Phases.Any(phase => phase.DoseProfile.Categories.Any(dose => dose.Translations.Count > 1))
            ? condition with { Phases = [.. condition.Phases.Select(phase => phase with { DoseProfile = phase.DoseProfile with { Categories = [.. phase.DoseProfile.Categories.Select(InOrder)] } })] }
            : condition;

    private static CategoryDose InOrder(CategoryDose dose) => dose.Translations.Count < 2
        ? dose
        : dose with { Translations = dose.Translations.ToImmutableSortedDictionary(StringComparer.Ordinal) };
}
