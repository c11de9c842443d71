namespace Prescriptions.Domain.Library;

/// <summary>
/// A place in a phase's program: how many exercises of which category, at which difficulty, for which
/// body regions, delivered where. Slots are listed in order of clinical priority.
/// </summary>
public sealed record Slot
{
    public required ExerciseCategory Category { get; init; }
    public int Count { get; init; } = 1;
    public int MinDifficulty { get; init; } = 1;
    public int MaxDifficulty { get; init; } = 5;

    /// <summary>Regions of which a candidate must train at least one; empty means any.</summary>
    public IReadOnlyList<BodyRegion> BodyRegions { get; init; } = [];
    public Delivery Delivery { get; init; } = Delivery.Home;

    /// <summary>
    /// The protocol's signature items for this slot, in order: each is given whenever the patient can do it
    /// (and the engine says why when it cannot). Achilles isometrics, TKA knee extension, THA hip abduction.
    /// </summary>
    public IReadOnlyList<string> RequiredExerciseIds { get; init; } = [];

    /// <summary>Exercises ranked ahead of the others that fit the slot, in order.</summary>
    public IReadOnlyList<string> PreferredExerciseIds { get; init; } = [];

    /// <summary>Why the slot exists, in a few words, for the item's rationale.</summary>
    public string? Purpose { get; init; }
}
