namespace Prescriptions.Domain.Library;

/// <summary>The whole library as authored: what the publish command validates, hashes and uploads.</summary>
public sealed record LibraryContent(IReadOnlyList<Exercise> Exercises, IReadOnlyList<Condition> Conditions)
{
    /// <summary>The same content in a canonical order (by id), so equal content serialises to equal bytes.</summary>
    public LibraryContent Canonical() => new(
        [.. Exercises.OrderBy(e => e.Id, StringComparer.Ordinal)],
        [.. Conditions.OrderBy(c => c.Id, StringComparer.Ordinal)]);
}
