namespace Prescriptions.Portal.Api;

/// <summary>The patient's limits as the builder sends them (openapi.json's ConstraintsRequest) and reads them back (PatientConstraints).</summary>
public sealed record ProgramLimits
{
    public string? WeightBearing { get; init; }

    /// <summary>Equipment at hand; null when not limited, empty when the patient has none.</summary>
    public IReadOnlyList<string>? Equipment { get; init; }
    public int? MaxMinutesPerSession { get; init; }
    public int? MaxExercises { get; init; }
    public IReadOnlyList<string> ExcludeExerciseIds { get; init; } = [];
    public IReadOnlyList<string> Precautions { get; init; } = [];
    public IReadOnlyList<RomCap> RomLimits { get; init; } = [];
}
