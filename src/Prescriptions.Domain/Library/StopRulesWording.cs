namespace Prescriptions.Domain.Library;

/// <summary>
/// A dose profile's stop rules in one language: one entry for each English stop rule, in the same order, so a patient
/// reading in that language is told every limit the English tells.
/// </summary>
public sealed record StopRulesWording
{
    public required IReadOnlyList<string> StopRules { get; init; }
}
