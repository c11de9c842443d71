using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Tests.Scenarios;

/// <summary>
/// One patient written as data: the request a therapist would make, and what a clinician requires of the
/// program (must include, must not include, by property). Files: tests/Prescriptions.Domain.Tests/Scenarios/*.json.
/// </summary>
public sealed record ClinicalScenario
{
    public required string Name { get; init; }

    /// <summary>Where the case comes from (the clinical review's row, a guideline) and why the rules are what they are.</summary>
    public required string Why { get; init; }
    public required ScenarioRequest Request { get; init; }
    public IReadOnlyList<ItemRule> MustInclude { get; init; } = [];
    public IReadOnlyList<ItemRule> MustNotInclude { get; init; } = [];
    public ScenarioExpectations Expect { get; init; } = new();

    /// <summary>Run the same patient again with household equipment only (chair, wall, towel, table) and with none: the rules must still hold.</summary>
    public bool AlsoWithHouseholdOrNoEquipment { get; init; }
}

/// <summary>The request, with time since surgery or injury in weeks before the suite's fixed day.</summary>
public sealed record ScenarioRequest
{
    public required string ConditionId { get; init; }
    public required int Phase { get; init; }
    public Side? Side { get; init; }
    public double? WeeksSinceSurgery { get; init; }
    public double? WeeksSinceInjury { get; init; }
    public PatientConstraints Constraints { get; init; } = new();
    public IReadOnlyList<ConditionPhase> OtherConditions { get; init; } = [];
    public IReadOnlyList<ScenarioMeasurement> Measurements { get; init; } = [];
}

public sealed record ScenarioMeasurement(string Measure, double Value, string Unit);

/// <summary>
/// Matches a program item by the properties given (all must hold): an exercise id, a category, a precaution tag
/// the exercise is contraindicated under, a difficulty range, a joint demand (at least so many degrees, in at
/// least a mode), weight through the arm, where it is delivered.
/// </summary>
public sealed record ItemRule
{
    public string? ExerciseId { get; init; }
    public ExerciseCategory? Category { get; init; }

    /// <summary>Any one of these categories (walking or aerobic work, say).</summary>
    public IReadOnlyList<ExerciseCategory>? AnyCategory { get; init; }
    public string? Tag { get; init; }
    public int? MinDifficulty { get; init; }
    public int? MaxDifficulty { get; init; }
    public Joint? Joint { get; init; }
    public Motion? Motion { get; init; }
    public int? MinDegrees { get; init; }
    public MotionMode? MinMode { get; init; }
    public WeightBearing? MinUpperLimbWeightBearing { get; init; }
    public Delivery? Delivery { get; init; }

    /// <summary>For must-include: at least this many items match (default 1).</summary>
    public int AtLeast { get; init; } = 1;

    public bool Matches(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return (ExerciseId is null || exercise.Id == ExerciseId)
            && (Category is null || exercise.Category == Category)
            && (AnyCategory is null || AnyCategory.Contains(exercise.Category))
            && (Tag is null || exercise.Contraindications.Contains(Tag, StringComparer.Ordinal))
            && (MinDifficulty is null || exercise.Difficulty >= MinDifficulty)
            && (MaxDifficulty is null || exercise.Difficulty <= MaxDifficulty)
            && (MinUpperLimbWeightBearing is null || exercise.UpperLimbWeightBearing >= MinUpperLimbWeightBearing)
            && (Delivery is null || exercise.Delivery == Delivery)
            && (Joint is null && Motion is null && MinDegrees is null && MinMode is null
                || exercise.JointMotions.Any(demand =>
                    (Joint is null || demand.Joint == Joint)
                    && (Motion is null || demand.Motion == Motion)
                    && (MinDegrees is null || demand.Degrees >= MinDegrees)
                    && (MinMode is null || demand.Mode >= MinMode)));
    }

    public override string ToString() => string.Join(", ", new[]
    {
        ExerciseId, Category?.ToString(), AnyCategory is null ? null : string.Join("/", AnyCategory), Tag is null ? null : $"tag {Tag}", MinDifficulty is null ? null : $"difficulty >= {MinDifficulty}",
        MaxDifficulty is null ? null : $"difficulty <= {MaxDifficulty}", Joint?.ToString(), Motion?.ToString(), MinDegrees is null ? null : $">= {MinDegrees} degrees",
        MinMode?.ToString(), MinUpperLimbWeightBearing is null ? null : $"arm weight >= {MinUpperLimbWeightBearing}", Delivery?.ToString(),
    }.Where(part => part is not null));
}

/// <summary>Whole-program expectations.</summary>
public sealed record ScenarioExpectations
{
    public int? MaxMinutesPerSession { get; init; }
    public int? MinHomeItems { get; init; }

    /// <summary>Balance minutes a week (each balance item's session time x sessions a day x days a week), e.g. about 120 for fall prevention.</summary>
    public int? MinWeeklyBalanceMinutes { get; init; }

    /// <summary>True: an entry criterion is shown unmet (create needs an override); false: none is.</summary>
    public bool? EntryCriteriaNotMet { get; init; }

    /// <summary>Texts that must appear in some warning (case-insensitive).</summary>
    public IReadOnlyList<string> WarningsContain { get; init; } = [];

    /// <summary>Texts that must appear among the precautions still held by gates (case-insensitive).</summary>
    public IReadOnlyList<string> HeldPrecautionsContain { get; init; } = [];

    /// <summary>No home item is dosed with an RPE unless it is strength, functional, plyometric, aerobic or gait work.</summary>
    public bool? HeartRateReserveOnWalking { get; init; }
}
