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

    /// <summary>Why the slot exists, in a few words, for the item's rationale.</summary>
    public string? Purpose { get; init; }
}
