using System.Collections.ObjectModel;

namespace Prescriptions.Domain.Library;

/// <summary>One exercise or manual technique of the library, with everything the engine checks it against.</summary>
public sealed partial record Exercise
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Instructions { get; init; }
    public IReadOnlyList<string> Cues { get; init; } = [];
    public IReadOnlyList<string> Safety { get; init; } = [];

    /// <summary>The name, summary, steps, cues and safety notes in other languages, keyed by language ("es"); read them with <see cref="WordingIn"/>.</summary>
    public IReadOnlyDictionary<string, ExerciseWording> Translations { get; init; } = ReadOnlyDictionary<string, ExerciseWording>.Empty;
    public required ExerciseCategory Category { get; init; }
    public required IReadOnlyList<BodyRegion> BodyRegions { get; init; }
    public IReadOnlyList<Equipment> Equipment { get; init; } = [];
    public required int Difficulty { get; init; }
    public required Position Position { get; init; }
    /// <summary>The weight the exercise puts through the affected leg.</summary>
    public required WeightBearing WeightBearing { get; init; }

    /// <summary>The weight the exercise puts through the affected arm and hand (a push-up, weight shifts on the hands).</summary>
    public WeightBearing UpperLimbWeightBearing { get; init; } = WeightBearing.None;
    public required Delivery Delivery { get; init; }
    public required string CptCode { get; init; }
    public required Dose DefaultDose { get; init; }
    public string? ProgressionId { get; init; }
    public string? RegressionId { get; init; }

    /// <summary>Precaution tags (see <see cref="PrecautionTags"/>) under which this exercise must not be given.</summary>
    public IReadOnlyList<string> Contraindications { get; init; } = [];

    /// <summary>The ranges of motion the exercise needs; checked against ROM caps.</summary>
    public IReadOnlyList<JointMotion> JointMotions { get; init; } = [];
    public IReadOnlyList<Media> Media { get; init; } = [];

    public bool IsNeuromuscular => Category is ExerciseCategory.Balance or ExerciseCategory.Proprioception
        or ExerciseCategory.CoreControl or ExerciseCategory.MotorControl or ExerciseCategory.Coordination;
}
