using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>The patient's own limits, on top of the phase's precautions.</summary>
public sealed record PatientConstraints
{
    public const int DefaultMaxExercises = 5;

    /// <summary>About 30 minutes is what patients keep doing; the engine assembles to it when no limit is given.</summary>
    public const int DefaultMaxMinutesPerSession = 30;

    public WeightBearing? WeightBearing { get; init; }

    /// <summary>Equipment at hand; null means not limited, an empty list means none at all.</summary>
    public IReadOnlyList<Equipment>? Equipment { get; init; }
    /// <summary>The therapist's limit; null means the default of <see cref="DefaultMaxMinutesPerSession"/> when the engine assembles.</summary>
    public int? MaxMinutesPerSession { get; init; }

    /// <summary>The most weight the patient's affected arm and hand may take; null means not limited beyond the phase.</summary>
    public WeightBearing? UpperLimbWeightBearing { get; init; }

    /// <summary>How many home exercises at most (short programs are followed better).</summary>
    public int MaxExercises { get; init; } = DefaultMaxExercises;
    public IReadOnlyList<string> ExcludeExerciseIds { get; init; } = [];

    /// <summary>Precaution tags of the patient (see <see cref="PrecautionTags"/>).</summary>
    public IReadOnlyList<string> Precautions { get; init; } = [];
    public IReadOnlyList<RomLimit> RomLimits { get; init; } = [];

    /// <summary>
    /// The equipment the exercise needs that the patient does not have. Only home work counts: the clinic has its own.
    /// Empty when nothing is missing (or equipment is not limited).
    /// </summary>
    public IReadOnlyList<Equipment> MissingEquipment(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (Equipment is not { } atHand || exercise.Delivery != Delivery.Home)
        {
            return [];
        }

        List<Equipment>? missing = null;
        foreach (var needed in exercise.Equipment)
        {
            if (!atHand.Contains(needed))
            {
                (missing ??= []).Add(needed);
            }
        }

        return missing ?? (IReadOnlyList<Equipment>)[];
    }

    /// <summary>The patient's limits as precautions, to be combined with the phase's.</summary>
    public Library.Precautions ToPrecautions() => new()
    {
        WeightBearing = WeightBearing ?? Library.WeightBearing.Full,
        UpperLimbWeightBearing = UpperLimbWeightBearing ?? Library.WeightBearing.Full,
        RomLimits = RomLimits,
        Tags = Precautions,
    };
}
