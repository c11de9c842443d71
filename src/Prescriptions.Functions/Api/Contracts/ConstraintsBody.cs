using Prescriptions.Domain.Library;

namespace Prescriptions.Functions.Api.Contracts;

public sealed record ConstraintsBody
{
    public WeightBearing? WeightBearing { get; init; }
    public WeightBearing? UpperLimbWeightBearing { get; init; }
    public IReadOnlyList<Equipment>? Equipment { get; init; }
    public int? MaxMinutesPerSession { get; init; }
    public int? MaxExercises { get; init; }
    public IReadOnlyList<string>? ExcludeExerciseIds { get; init; }
    public IReadOnlyList<string>? Precautions { get; init; }
    public IReadOnlyList<RomLimitBody>? RomLimits { get; init; }
}
