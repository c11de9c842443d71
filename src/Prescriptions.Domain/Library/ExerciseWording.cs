namespace Prescriptions.Domain.Library;

/// <summary>
/// The words of an exercise in one language: its name, summary, steps, cues and safety notes. A translation
/// has one entry for each English step, cue and safety note, in the same order.
/// </summary>
public sealed record ExerciseWording
{
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Instructions { get; init; }
    public required IReadOnlyList<string> Cues { get; init; }
    public required IReadOnlyList<string> Safety { get; init; }
}
