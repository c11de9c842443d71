namespace Prescriptions.Portal.Api;

/// <summary>An exercise as its page shows it (openapi.json's Exercise, GET /api/exercises/{exerciseId}, the members the page shows).</summary>
public sealed record ExerciseDetails(
    string Id,
    string Name,
    string Summary,
    string Category,
    int Difficulty,
    IReadOnlyList<string> BodyRegions,
    string WeightBearing,
    string Delivery,
    Dose DefaultDose)
{
    public IReadOnlyList<string> Instructions { get; init; } = [];

    public IReadOnlyList<string>? Cues { get; init; }

    public IReadOnlyList<string>? Safety { get; init; }

    public IReadOnlyList<string>? Equipment { get; init; }

    public IReadOnlyList<string>? Contraindications { get; init; }

    /// <summary>The next harder exercise of the chain.</summary>
    public string? ProgressionId { get; init; }

    /// <summary>The next easier exercise of the chain.</summary>
    public string? RegressionId { get; init; }
}
