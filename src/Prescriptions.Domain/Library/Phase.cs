using System.Collections.ObjectModel;

namespace Prescriptions.Domain.Library;

/// <summary>One rehab phase of a condition: goals, time floor, criteria to enter and leave, precautions, slots and dosing.</summary>
public sealed record Phase
{
    public required int Number { get; init; }
    public required string Name { get; init; }

    /// <summary>The name in other languages, keyed by language ("es"); read it with <see cref="NameIn"/>.</summary>
    public IReadOnlyDictionary<string, NameWording> Translations { get; init; } = ReadOnlyDictionary<string, NameWording>.Empty;
    public required IReadOnlyList<string> Goals { get; init; }
    public required int MinDays { get; init; }
    public IReadOnlyList<Criterion> EntryCriteria { get; init; } = [];
    public IReadOnlyList<Criterion> ExitCriteria { get; init; } = [];
    public Precautions Precautions { get; init; } = Precautions.None;

    /// <summary>Precautions of this phase that hold until time or a measurement lifts them.</summary>
    public IReadOnlyList<PrecautionGate> Gates { get; init; } = [];
    public required IReadOnlyList<Slot> Slots { get; init; }
    public required DoseProfile DoseProfile { get; init; }

    /// <summary>The name for a reader of <paramref name="language"/>, as <see cref="Condition.NameIn"/> picks it: the translation of its primary language, otherwise the English.</summary>
    public string NameIn(string? language) => NameWording.In(Translations, language) ?? Name;
}
