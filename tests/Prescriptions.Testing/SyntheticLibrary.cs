using Prescriptions.Domain.Library;

namespace Prescriptions.Testing;

/// <summary>Small hand-made libraries for engine tests whose outcome must not depend on the shipped content.</summary>
public static class SyntheticLibrary
{
    public static Exercise Exercise(
        string id,
        ExerciseCategory category,
        int difficulty,
        WeightBearing weightBearing = WeightBearing.None,
        Equipment[]? equipment = null,
        string? progressionId = null,
        string? regressionId = null,
        string[]? contraindications = null,
        BodyRegion region = BodyRegion.Knee,
        Delivery delivery = Delivery.Home,
        Dose? dose = null) => new()
        {
            Id = id,
            Name = id.Replace('-', ' '),
            Summary = "Synthetic.",
            Instructions = ["One.", "Two.", "Three."],
            Category = category,
            BodyRegions = [region],
            Equipment = equipment ?? [],
            Difficulty = difficulty,
            Position = weightBearing == WeightBearing.None ? Position.Sitting : Position.Standing,
            WeightBearing = weightBearing,
            Delivery = delivery,
            CptCode = delivery == Delivery.Clinic ? "97140" : "97110",
            DefaultDose = dose ?? new Dose { Sets = 2, Reps = 10 },
            ProgressionId = progressionId,
            RegressionId = regressionId,
            Contraindications = contraindications ?? [],
        };

    public static Condition Condition(string id, params Phase[] phases) => new()
    {
        Id = id,
        Name = id,
        Summary = "Synthetic.",
        Icd10Codes = [new ConditionCode("Z96.651", Side.Right)],
        Guideline = "Synthetic",
        BodyRegions = [BodyRegion.Knee],
        Phases = phases,
    };

    public static Phase Phase(int number, Precautions? precautions, params Slot[] slots) => new()
    {
        Number = number,
        Name = $"Phase {number}",
        Goals = ["Move"],
        MinDays = 7,
        ExitCriteria = [new Criterion("painAtRest", Comparator.Lte, 2, "nrs")],
        Precautions = precautions ?? Precautions.None,
        Slots = slots,
        DoseProfile = new DoseProfile { Description = "Synthetic" },
    };

    public static ExerciseLibrary Build(IReadOnlyList<Exercise> exercises, params Condition[] conditions) =>
        new("synthetic", DateTimeOffset.UnixEpoch, new LibraryContent(exercises, conditions));
}
