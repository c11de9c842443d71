namespace Prescriptions.Domain.Library;

/// <summary>One rehab phase of a condition: goals, time floor, criteria to enter and leave, precautions, slots and dosing.</summary>
public sealed record Phase
{
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Goals { get; init; }
    public required int MinDays { get; init; }
    public IReadOnlyList<Criterion> EntryCriteria { get; init; } = [];
    public IReadOnlyList<Criterion> ExitCriteria { get; init; } = [];
    public Precautions Precautions { get; init; } = Precautions.None;

    /// <summary>Precautions of this phase that hold until time or a measurement lifts them.</summary>
    public IReadOnlyList<PrecautionGate> Gates { get; init; } = [];
    public required IReadOnlyList<Slot> Slots { get; init; }
    public required DoseProfile DoseProfile { get; init; }
}
